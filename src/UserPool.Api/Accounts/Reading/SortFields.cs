namespace UserPool.Api.Accounts.Reading;

/// <summary>The SDK's SortingDto fields.</summary>
internal static class SortFields
{
    public static readonly SortKey Id = SortKey.Of("id", a => a.Id);
    public static readonly SortKey CreatedAt = SortKey.Of("createdAt", a => a.CreatedAt);

    private static readonly Dictionary<string, SortKey> ByName = new[]
    {
        Id,
        CreatedAt,
        SortKey.Of("updatedAt", a => a.UpdatedAt),
        SortKey.Of("email", a => a.Email, optional: true),
        SortKey.Of("username", a => a.Username, optional: true),
        SortKey.Of("externalId", a => a.ExternalId, optional: true),
        SortKey.Of("phone", a => a.Phone, optional: true),
        SortKey.Of("status", a => a.Status),
        SortKey.Of("statusChangedAt", a => a.StatusChangedAt),
        SortKey.Of("passwordLastSetAt", a => a.PasswordLastSetAt, optional: true),
        SortKey.Of("loginsCount", a => a.LoginsCount),
        SortKey.Of("gender", a => a.Gender),
        SortKey.Of("lastLogin", a => a.LastLogin, optional: true),
        SortKey.Of("userSourceType", a => a.UserSourceType),
        SortKey.Of("lastMfaTime", a => a.LastMfaTime, optional: true),
        SortKey.Of("passwordSecurityLevel", a => a.PasswordSecurityLevel, optional: true),
        SortKey.Of("phoneCountryCode", a => a.PhoneCountryCode, optional: true),
        SortKey.Of("lastIp", a => a.LastIp, optional: true),
    }.ToDictionary(k => k.Name, StringComparer.OrdinalIgnoreCase);

    public static SortKey? Find(string name) => ByName.GetValueOrDefault(name);

    public static IEnumerable<string> Names => ByName.Keys;
}
