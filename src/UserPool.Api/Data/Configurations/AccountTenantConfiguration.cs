using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Data.Configurations;

internal sealed class AccountTenantConfiguration : IEntityTypeConfiguration<AccountTenant>
{
    public const string TenantForeignKey = "fk_account_tenants_tenants";


    public void Configure(EntityTypeBuilder<AccountTenant> entity)
    {
        entity.ToTable("account_tenants");
        entity.HasKey(l => new { l.UserPoolId, l.AccountId, l.TenantId }).HasName("pk_account_tenants");
        entity.Property(l => l.UserPoolId).HasMaxLength(PoolScoped.IdLength);
        entity.Property(l => l.AccountId).HasMaxLength(PoolScoped.IdLength);
        entity.Property(l => l.TenantId).HasMaxLength(PoolScoped.IdLength);
        entity.HasIndex(l => new { l.UserPoolId, l.TenantId }).HasDatabaseName("ix_account_tenants_pool_tenant");
        entity.BelongsToAccount("fk_account_tenants_accounts");
        entity.HasOne<Tenant>().WithMany().HasForeignKey(l => new { l.UserPoolId, l.TenantId })
            .HasConstraintName(TenantForeignKey).OnDelete(DeleteBehavior.Cascade);
    }
}
