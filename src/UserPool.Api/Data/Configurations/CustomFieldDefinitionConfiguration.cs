using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Data.Configurations;

internal sealed class CustomFieldDefinitionConfiguration : IEntityTypeConfiguration<CustomFieldDefinition>
{
    /// <summary>One definition per key and target type in a pool.</summary>
    public const string PrimaryKey = "pk_custom_field_definitions";


    public void Configure(EntityTypeBuilder<CustomFieldDefinition> entity)
    {
        entity.ToTable("custom_field_definitions");
        entity.HasKey(f => new { f.UserPoolId, f.TargetType, f.Key }).HasName(PrimaryKey);
        entity.Property(f => f.UserPoolId).HasMaxLength(PoolScoped.IdLength);
        entity.Property(f => f.TargetType).HasMaxLength(16);
        entity.Property(f => f.Key).HasMaxLength(128);
        entity.Property(f => f.DataType).HasMaxLength(16);
        entity.Property(f => f.ValidateRules).HasColumnType("jsonb");
        entity.Property(f => f.Options).HasColumnType("jsonb");
        entity.Property(f => f.I18n).HasColumnType("jsonb");
        entity.BelongsToPool("fk_custom_field_definitions_user_pools");
    }
}
