using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Data.Configurations;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public const string CodeIndex = "ux_departments_pool_code";
    public const string OpenDepartmentIdIndex = "ux_departments_pool_open_department_id";
    public const string OrganizationForeignKey = "fk_departments_organizations";
    public const string ParentForeignKey = "fk_departments_parent";

    public void Configure(EntityTypeBuilder<Department> entity)
    {
        entity.ToTable("departments");
        entity.HasKey(d => new { d.UserPoolId, d.Id }).HasName("pk_departments");
        entity.Property(d => d.UserPoolId).HasMaxLength(PoolScoped.IdLength);
        entity.Property(d => d.Id).HasMaxLength(PoolScoped.IdLength);
        entity.Property(d => d.OrganizationId).HasMaxLength(PoolScoped.IdLength);
        entity.Property(d => d.ParentDepartmentId).HasMaxLength(PoolScoped.IdLength);
        entity.Property(d => d.OpenDepartmentId).HasMaxLength(128);
        entity.Property(d => d.Code).HasMaxLength(128);
        entity.Property(d => d.Name).HasMaxLength(256);
        entity.Property(d => d.CustomData).HasColumnType("jsonb");
        entity.Property(d => d.I18n).HasColumnType("jsonb");
        // Accounts may name departments by any of these three ids, so each is unique in the pool.
        entity.HasIndex(d => new { d.UserPoolId, d.OpenDepartmentId }).IsUnique()
            .HasDatabaseName(OpenDepartmentIdIndex);
        entity.HasIndex(d => new { d.UserPoolId, d.Code }).IsUnique().HasDatabaseName(CodeIndex);
        entity.HasIndex(d => new { d.UserPoolId, d.OrganizationId }).HasDatabaseName("ix_departments_pool_organization");
        entity.HasIndex(d => new { d.UserPoolId, d.ParentDepartmentId }).HasDatabaseName("ix_departments_pool_parent");
        entity.HasOne<Organization>().WithMany().HasForeignKey(d => new { d.UserPoolId, d.OrganizationId })
            .HasConstraintName(OrganizationForeignKey).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Department>().WithMany().HasForeignKey(d => new { d.UserPoolId, d.ParentDepartmentId })
            .HasConstraintName(ParentForeignKey).OnDelete(DeleteBehavior.Restrict);
    }
}
