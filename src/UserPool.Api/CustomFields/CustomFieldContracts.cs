using System.Text.Json;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.CustomFields;

/// <summary>SetCustomFieldsReqDto.</summary>
public sealed record SetCustomFieldsRequest(IReadOnlyList<SetCustomFieldItem?>? List, string? TenantId);

/// <summary>SetCustomFieldDto. targetType and key identify a field; dataType cannot change once set.</summary>
public sealed record SetCustomFieldItem
{
    public string? TargetType { get; init; }
    public string? Key { get; init; }
    public string? DataType { get; init; }
    public string? Label { get; init; }
    public string? Description { get; init; }
    public bool? Encrypted { get; init; }
    public bool? IsUnique { get; init; }
    public bool? UserEditable { get; init; }
    public bool? VisibleInAdminConsole { get; init; }
    public bool? VisibleInUserCenter { get; init; }
    public JsonElement? ValidateRules { get; init; }
    public string[]? AppIds { get; init; }
    public bool? Desensitization { get; init; }
    public IReadOnlyList<CustomFieldOption>? Options { get; init; }
    public JsonElement? I18n { get; init; }
}

public sealed record CustomFieldOption(string? Value, string? Label);

/// <summary>CustomFieldDto.</summary>
public sealed record CustomFieldDto(
    string TargetType,
    string DataType,
    string Key,
    string Label,
    string? Description,
    bool IsUnique,
    bool Encrypted,
    bool UserEditable,
    bool VisibleInAdminConsole,
    bool VisibleInUserCenter,
    RawJson? Options,
    RawJson? I18n,
    DateTime CreatedAt);
