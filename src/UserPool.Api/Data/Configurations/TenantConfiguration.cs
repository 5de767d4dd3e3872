using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Data.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public const string CodeIndex = "ux_tenants_pool_code";

    public void Configure(EntityTypeBuilder<Tenant> entity)
    {
        entity.ToTable("tenants");
        entity.HasKey(t => new { t.UserPoolId, t.Id }).HasName("pk_tenants");
        entity.Property(t => t.UserPoolId).HasMaxLength(PoolScoped.IdLength);
        entity.Property(t => t.Id).HasMaxLength(PoolScoped.IdLength);
        entity.Property(t => t.Name).HasMaxLength(64);
        entity.Property(t => t.Code).HasMaxLength(64);
        entity.HasIndex(t => new { t.UserPoolId, t.Code }).IsUnique().HasDatabaseName(CodeIndex);
        entity.BelongsToPool("fk_tenants_user_pools");
    }
}
