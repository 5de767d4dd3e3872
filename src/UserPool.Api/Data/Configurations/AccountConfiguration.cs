using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Data.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    /// <summary>Names of the unique indexes; a unique violation is mapped back to the field through them.</summary>
    public const string EmailIndex = "ux_accounts_pool_email";
    public const string PhoneIndex = "ux_accounts_pool_phone";
    public const string UsernameIndex = "ux_accounts_pool_username";
    public const string ExternalIdIndex = "ux_accounts_pool_external_id";

    public void Configure(EntityTypeBuilder<Account> entity)
    {
        // A phone is unique together with its country code, so a stored phone always carries one.
        entity.ToTable("accounts", t => t.HasCheckConstraint("ck_accounts_phone_has_country_code",
            "phone IS NULL OR phone_country_code IS NOT NULL"));
        entity.HasKey(a => new { a.UserPoolId, a.Id }).HasName("pk_accounts");
        entity.Property(a => a.UserPoolId).HasMaxLength(PoolScoped.IdLength);
        entity.Property(a => a.Id).HasMaxLength(PoolScoped.IdLength);
        entity.Property(a => a.Kind).HasConversion<short>();
        entity.Property(a => a.CustomData).HasColumnType("jsonb");
        entity.Property(a => a.MetadataSource).HasColumnType("jsonb");

        // The unique keys are computed by the application (Accounts/Keys/KeyNormalizer) and stored, with the
        // normalizer's version, rather than derived by lower(), whose result follows the database's collation
        // library and changed under a glibc upgrade. Start-up re-normalizes rows of an older version.
        entity.HasIndex(a => new { a.UserPoolId, a.EmailKey }).IsUnique().HasDatabaseName(EmailIndex);
        entity.HasIndex(a => new { a.UserPoolId, a.PhoneKey }).IsUnique().HasDatabaseName(PhoneIndex);
        entity.HasIndex(a => new { a.UserPoolId, a.UsernameKey }).IsUnique().HasDatabaseName(UsernameIndex);
        // The few accounts whose keys are quarantined, re-examined at every start-up and listed by `accounts check-keys`.
        entity.HasIndex(a => new { a.UserPoolId, a.Id }).HasFilter("key_problems IS NOT NULL").HasDatabaseName("ix_accounts_key_problems");
        entity.HasIndex(a => new { a.UserPoolId, a.ExternalId }).IsUnique().HasDatabaseName(ExternalIdIndex);
        // get-user by phone without its country code.
        entity.HasIndex(a => new { a.UserPoolId, a.Phone }).HasDatabaseName("ix_accounts_pool_phone");
        // Listing pages newest first within a kind.
        entity.HasIndex(a => new { a.UserPoolId, a.Kind, a.CreatedAt }).HasDatabaseName("ix_accounts_pool_kind_created_at");
        entity.BelongsToPool("fk_accounts_user_pools");
    }
}
