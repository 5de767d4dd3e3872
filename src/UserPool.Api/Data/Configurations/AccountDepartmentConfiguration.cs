using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Data.Configurations;

internal sealed class AccountDepartmentConfiguration : IEntityTypeConfiguration<AccountDepartment>
{
    public const string DepartmentForeignKey = "fk_account_departments_departments";


    public void Configure(EntityTypeBuilder<AccountDepartment> entity)
    {
        entity.ToTable("account_departments");
        entity.HasKey(l => new { l.UserPoolId, l.AccountId, l.DepartmentId }).HasName("pk_account_departments");
        entity.Property(l => l.UserPoolId).HasMaxLength(PoolScoped.IdLength);
        entity.Property(l => l.AccountId).HasMaxLength(PoolScoped.IdLength);
        entity.Property(l => l.DepartmentId).HasMaxLength(PoolScoped.IdLength);
        entity.HasIndex(l => new { l.UserPoolId, l.DepartmentId }).HasDatabaseName("ix_account_departments_pool_department");
        entity.BelongsToAccount("fk_account_departments_accounts");
        entity.HasOne<Department>().WithMany().HasForeignKey(l => new { l.UserPoolId, l.DepartmentId })
            .HasConstraintName(DepartmentForeignKey).OnDelete(DeleteBehavior.Cascade);
    }
}
