using System.Text.Json;
using UserPool.Api.Data;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.CustomFields;

internal static class CustomFieldMapping
{
    public static CustomFieldDefinition NewDefinition(string poolId, SetCustomFieldItem item, DateTime now, UserPoolDbContext db)
    {
        var field = new CustomFieldDefinition
        {
            UserPoolId = poolId,
            TargetType = item.TargetType!,
            Key = item.Key!,
            DataType = item.DataType ?? CustomFieldTypes.DefaultDataType,
            CreatedAt = now,
        };
        db.CustomFieldDefinitions.Add(field);
        return field;
    }

    /// <summary>Fields the request leaves out keep their stored values.</summary>
    public static void Apply(SetCustomFieldItem item, string? tenantId, CustomFieldDefinition field, DateTime now)
    {
        field.Label = item.Label ?? field.Label ?? field.Key;
        field.Description = item.Description ?? field.Description;
        field.Encrypted = item.Encrypted ?? field.Encrypted;
        field.IsUnique = item.IsUnique ?? field.IsUnique;
        field.UserEditable = item.UserEditable ?? field.UserEditable;
        field.VisibleInAdminConsole = item.VisibleInAdminConsole ?? field.VisibleInAdminConsole;
        field.VisibleInUserCenter = item.VisibleInUserCenter ?? field.VisibleInUserCenter;
        field.ValidateRules = RawJson.From(item.ValidateRules)?.Text ?? field.ValidateRules;
        field.AppIds = item.AppIds ?? field.AppIds;
        field.Desensitization = item.Desensitization ?? field.Desensitization;
        field.Options = item.Options is null ? field.Options : JsonSerializer.Serialize(item.Options, JsonDefaults.Options);
        field.I18n = RawJson.From(item.I18n)?.Text ?? field.I18n;
        field.TenantId = tenantId ?? field.TenantId;
        field.UpdatedAt = now;
    }

    public static CustomFieldDto ToDto(CustomFieldDefinition field) => new(
        field.TargetType, field.DataType, field.Key, field.Label ?? field.Key, field.Description, field.IsUnique,
        field.Encrypted, field.UserEditable, field.VisibleInAdminConsole, field.VisibleInUserCenter,
        RawJson.From(field.Options), RawJson.From(field.I18n), field.CreatedAt);
}
