using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Data.Configurations;

internal sealed class CustomFieldUniqueValueConfiguration : IEntityTypeConfiguration<CustomFieldUniqueValue>
{
    public const string Table = "custom_field_unique_values";

    /// <summary>The primary key is the uniqueness rule: one holder per value of a field in a pool.</summary>
    public const string ValueIndex = "pk_custom_field_unique_values";

    public void Configure(EntityTypeBuilder<CustomFieldUniqueValue> entity)
    {
        entity.ToTable(Table);
        entity.HasKey(v => new { v.UserPoolId, v.FieldKey, v.ValueHash }).HasName(ValueIndex);
        entity.Property(v => v.UserPoolId).HasMaxLength(PoolScoped.IdLength);
        entity.Property(v => v.FieldKey).HasMaxLength(128);
        entity.Property(v => v.AccountId).HasMaxLength(PoolScoped.IdLength);
        // One value per field and account; also the index the cascade from accounts uses.
        entity.HasIndex(v => new { v.UserPoolId, v.AccountId, v.FieldKey }).IsUnique()
            .HasDatabaseName("ux_custom_field_unique_values_account_key");
        entity.BelongsToAccount("fk_custom_field_unique_values_accounts");
    }
}
