namespace UserPool.Api.Data.Entities;

/// <summary>A custom field that accounts (or roles, groups, departments) may carry in their custom data.</summary>
public sealed class CustomFieldDefinition
{
    public required string UserPoolId { get; init; }
    public required string TargetType { get; init; }
    public required string Key { get; init; }
    public required string DataType { get; init; }
    public string? Label { get; set; }
    public string? Description { get; set; }
    public bool Encrypted { get; set; }
    public bool IsUnique { get; set; }
    public bool UserEditable { get; set; }
    public bool VisibleInAdminConsole { get; set; }
    public bool VisibleInUserCenter { get; set; }
    public string? ValidateRules { get; set; }
    public string[] AppIds { get; set; } = [];
    public bool Desensitization { get; set; }
    /// <summary>JSON array of {value,label} for ENUM fields.</summary>
    public string? Options { get; set; }
    public string? I18n { get; set; }
    public string? TenantId { get; set; }
    /// <summary>
    /// The HMAC key (protected by the Data Protection ring) that hashes the values of a field both encrypted and
    /// unique, so the side table never holds a value the field promises to keep secret. Made on first need.
    /// </summary>
    public string? ProtectedHashKey { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
}
