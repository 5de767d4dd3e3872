using System.Text.Json;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Organizations;

internal static class OrganizationMapping
{
    /// <summary>
    /// The organization and its root department share one id; the root carries the organization's code,
    /// name, open id and tenant, so accounts can name it by department id, open id or code like any other.
    /// </summary>
    public static (Organization Organization, Department Root) New(
        string poolId, string id, string code, CreateOrganizationRequest request, DateTime now)
    {
        var organization = new Organization
        {
            UserPoolId = poolId,
            Id = id,
            Code = code,
            Name = request.OrganizationName!,
            Description = request.Description,
            OpenDepartmentId = NullIfEmpty(request.OpenDepartmentId),
            TenantId = NullIfEmpty(request.TenantId),
            I18n = RawJson.From(request.I18n)?.Text,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var root = new Department
        {
            UserPoolId = poolId,
            Id = id,
            OrganizationId = id,
            Code = code,
            OpenDepartmentId = organization.OpenDepartmentId,
            Name = organization.Name,
            Description = organization.Description,
            TenantId = organization.TenantId,
            I18n = RootI18n(request.I18n),
            CreatedAt = now,
            UpdatedAt = now,
        };
        return (organization, root);
    }

    public static OrganizationDto ToDto(Organization organization) => new()
    {
        OrganizationCode = organization.Code,
        OrganizationName = organization.Name,
        Description = organization.Description,
        CreatedAt = organization.CreatedAt,
        UpdatedAt = organization.UpdatedAt,
        OpenDepartmentId = organization.OpenDepartmentId,
        I18n = RawJson.From(organization.I18n),
        TenantId = organization.TenantId,
        DepartmentId = organization.Id,
    };

    public static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>The organization's {organizationName: LangObject} is the root department's {name: LangObject}.</summary>
    private static string? RootI18n(JsonElement? i18n) =>
        i18n is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty("organizationName", out var name)
            ? $"{{\"name\":{name.GetRawText()}}}"
            : null;
}
