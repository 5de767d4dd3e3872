using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Data.Configurations;

internal sealed class AccessKeyConfiguration : IEntityTypeConfiguration<AccessKey>
{
    public void Configure(EntityTypeBuilder<AccessKey> entity)
    {
        entity.ToTable("access_keys");
        entity.HasKey(k => new { k.UserPoolId, k.Id }).HasName("pk_access_keys");
        entity.Property(k => k.Id).HasMaxLength(64);
        entity.Property(k => k.UserPoolId).HasMaxLength(PoolScoped.IdLength);
        entity.Property(k => k.Description).HasMaxLength(256);
        // Signed requests carry only the key id; this index (led by the id) finds its pool.
        entity.HasIndex(k => new { k.Id, k.UserPoolId }).IsUnique().HasDatabaseName("ux_access_keys_id_pool");
        entity.BelongsToPool("fk_access_keys_user_pools");
    }
}
