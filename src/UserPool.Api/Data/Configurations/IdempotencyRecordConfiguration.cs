using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Data.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public const string PrimaryKey = "pk_idempotency_keys";

    public void Configure(EntityTypeBuilder<IdempotencyRecord> entity)
    {
        entity.ToTable("idempotency_keys");
        entity.HasKey(r => new { r.UserPoolId, r.Key }).HasName(PrimaryKey);
        entity.Property(r => r.UserPoolId).HasMaxLength(PoolScoped.IdLength);
        entity.Property(r => r.Key).HasMaxLength(255);
        entity.Property(r => r.RequestHash).HasMaxLength(64);
        entity.HasIndex(r => r.ExpiresAt).HasDatabaseName("ix_idempotency_keys_expires_at");
        entity.BelongsToPool("fk_idempotency_keys_user_pools");
    }
}
