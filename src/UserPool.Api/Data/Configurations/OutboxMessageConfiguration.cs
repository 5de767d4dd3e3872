using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> entity)
    {
        entity.ToTable("notification_outbox");
        entity.HasKey(m => new { m.UserPoolId, m.Id }).HasName("pk_notification_outbox");
        entity.Property(m => m.UserPoolId).HasMaxLength(PoolScoped.IdLength);
        entity.Property(m => m.Id).HasMaxLength(PoolScoped.IdLength);
        entity.Property(m => m.AccountId).HasMaxLength(PoolScoped.IdLength);
        entity.Property(m => m.Channel).HasMaxLength(16);
        entity.Property(m => m.Template).HasMaxLength(64);
        entity.Property(m => m.Lang).HasMaxLength(16);
        entity.Property(m => m.Status).HasMaxLength(16);
        // The dispatcher claims due pending rows across all pools.
        entity.HasIndex(m => new { m.Status, m.NextAttemptAt }).HasDatabaseName("ix_notification_outbox_status_next_attempt");
        entity.HasIndex(m => new { m.UserPoolId, m.AccountId }).HasDatabaseName("ix_notification_outbox_pool_account");
        entity.BelongsToAccount("fk_notification_outbox_accounts");
    }
}
