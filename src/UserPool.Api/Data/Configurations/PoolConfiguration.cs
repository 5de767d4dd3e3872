using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Data.Configurations;

internal sealed class PoolConfiguration : IEntityTypeConfiguration<Pool>
{
    public void Configure(EntityTypeBuilder<Pool> entity)
    {
        entity.ToTable("user_pools");
        entity.HasKey(p => p.Id).HasName("pk_user_pools");
        entity.Property(p => p.Id).HasMaxLength(PoolScoped.IdLength);
        entity.Property(p => p.Name).HasMaxLength(128);
    }
}
