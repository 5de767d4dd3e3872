using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace UserPool.Api.Data.Configurations;

/// <summary>The Data Protection key ring is server-wide (not per pool): it protects every pool's secrets.</summary>
internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> entity)
    {
        entity.ToTable("data_protection_keys");
        entity.HasKey(k => k.Id).HasName("pk_data_protection_keys");
    }
}
