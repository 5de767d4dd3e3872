using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Data.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public const string CodeIndex = "ux_organizations_pool_code";

    public void Configure(EntityTypeBuilder<Organization> entity)
    {
        entity.ToTable("organizations");
        entity.HasKey(o => new { o.UserPoolId, o.Id }).HasName("pk_organizations");
        entity.Property(o => o.UserPoolId).HasMaxLength(PoolScoped.IdLength);
        entity.Property(o => o.Id).HasMaxLength(PoolScoped.IdLength);
        entity.Property(o => o.Code).HasMaxLength(64);
        entity.Property(o => o.Name).HasMaxLength(256);
        entity.Property(o => o.I18n).HasColumnType("jsonb");
        entity.HasIndex(o => new { o.UserPoolId, o.Code }).IsUnique().HasDatabaseName(CodeIndex);
        entity.BelongsToPool("fk_organizations_user_pools");
    }
}
