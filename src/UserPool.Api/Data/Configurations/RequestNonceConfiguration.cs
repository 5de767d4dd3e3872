using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Data.Configurations;

internal sealed class RequestNonceConfiguration : IEntityTypeConfiguration<RequestNonce>
{
    public void Configure(EntityTypeBuilder<RequestNonce> entity)
    {
        entity.ToTable("request_nonces");
        entity.HasKey(n => new { n.UserPoolId, n.AccessKeyId, n.Nonce }).HasName("pk_request_nonces");
        entity.Property(n => n.UserPoolId).HasMaxLength(PoolScoped.IdLength);
        entity.Property(n => n.AccessKeyId).HasMaxLength(64);
        entity.Property(n => n.Nonce).HasMaxLength(128);
        entity.HasIndex(n => n.SeenAt).HasDatabaseName("ix_request_nonces_seen_at");
        entity.BelongsToPool("fk_request_nonces_user_pools");
    }
}
