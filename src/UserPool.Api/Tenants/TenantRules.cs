using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using UserPool.Api.Validation;

namespace UserPool.Api.Tenants;

/// <summary>Sizes and formats of tenant fields, and how the server fills the ones the client does not send.</summary>
public static partial class TenantRules
{
    public const int NameLength = 64;
    public const int TextLength = 1024;
    public const int MaxLogos = 10;
    public const int MaxDomains = 50;
    public const int CodeLength = 10;
    /// <summary>Where a tenant came from: an application (sourceAppId) or, without one, this management API.</summary>
    public const string SourceApi = "MANAGEMENT_API";
    public const string SourceApp = "APPLICATION";

    private const string CodeAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Ten random lowercase letters and digits: 36^10 codes, so a clash in one pool is not a practical concern.</summary>
    public static string NewCode() => RandomNumberGenerator.GetString(CodeAlphabet, CodeLength);

    /// <summary>null, a URL or "" (no logo), or an array of up to ten URLs.</summary>
    public static bool IsLogo(JsonElement? logo) => logo switch
    {
        null or { ValueKind: JsonValueKind.Null } => true,
        { ValueKind: JsonValueKind.String } one => one.GetString() is { } url && (url.Length == 0 || IsLogoUrl(url)),
        { ValueKind: JsonValueKind.Array } many => many.GetArrayLength() <= MaxLogos
            && many.EnumerateArray().All(l => l.ValueKind == JsonValueKind.String && IsLogoUrl(l.GetString()!)),
        _ => false,
    };

    /// <summary>The logos of a request that passed <see cref="IsLogo"/>.</summary>
    public static string[] Logos(JsonElement? logo) => logo switch
    {
        { ValueKind: JsonValueKind.String } one when one.GetString() is { Length: > 0 } url => [url],
        { ValueKind: JsonValueKind.Array } many => many.EnumerateArray().Select(l => l.GetString()!).ToArray(),
        _ => [],
    };

    public static bool IsDomain(string domain) => domain.Length <= 253 && DomainPattern().IsMatch(domain);

    /// <summary>A date is midnight UTC; a date-time without an offset is read as UTC.</summary>
    public static DateTime? ParseExpireTime(string? value) =>
        value is null ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)
            : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime;

    private static bool IsLogoUrl(string url) =>
        url.Length <= FieldLimits.Url && TextRules.IsSingleLine(url) && RuleExtensions.IsAbsoluteHttpUrl(url);

    [GeneratedRegex(@"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DomainPattern();
}
