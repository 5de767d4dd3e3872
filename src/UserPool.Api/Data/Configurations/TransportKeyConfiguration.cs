using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Data.Configurations;

internal sealed class TransportKeyConfiguration : IEntityTypeConfiguration<TransportKey>
{
    public void Configure(EntityTypeBuilder<TransportKey> entity)
    {
        entity.ToTable("transport_keys");
        entity.HasKey(k => k.Id).HasName("pk_transport_keys");
        entity.Property(k => k.Id).HasMaxLength(PoolScoped.IdLength);
        entity.Property(k => k.Algorithm).HasMaxLength(8);
        // At most one current key per algorithm, even when several instances start at once.
        entity.HasIndex(k => k.Algorithm).IsUnique().HasFilter("retired_at IS NULL").HasDatabaseName("ux_transport_keys_current_algorithm");
    }
}
