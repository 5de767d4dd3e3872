using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Data.Configurations;

internal sealed class AccountIdentityConfiguration : IEntityTypeConfiguration<AccountIdentity>
{
    public const string IdentityIndex = "ux_identities_pool_idp_type_user";

    public void Configure(EntityTypeBuilder<AccountIdentity> entity)
    {
        entity.ToTable("identities");
        entity.HasKey(i => new { i.UserPoolId, i.Id }).HasName("pk_identities");
        entity.Property(i => i.UserPoolId).HasMaxLength(PoolScoped.IdLength);
        entity.Property(i => i.Id).HasMaxLength(PoolScoped.IdLength);
        entity.Property(i => i.AccountId).HasMaxLength(PoolScoped.IdLength);
        entity.Property(i => i.UserInfoInIdp).HasColumnType("jsonb");
        entity.HasIndex(i => new { i.UserPoolId, i.ExtIdpId, i.Type, i.UserIdInIdp }).IsUnique()
            .HasDatabaseName(IdentityIndex);
        entity.HasIndex(i => new { i.UserPoolId, i.AccountId }).HasDatabaseName("ix_identities_pool_account");
        entity.BelongsToAccount("fk_identities_accounts");
    }
}
