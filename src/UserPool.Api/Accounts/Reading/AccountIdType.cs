using UserPool.Api.Infrastructure;
using UserPool.Api.Validation;

namespace UserPool.Api.Accounts.Reading;

/// <summary>What a userId names (the userIdType query parameter).</summary>
public enum AccountIdType
{
    UserId,
    ExternalId,
    Phone,
    Email,
    Username,
    /// <summary><c>&lt;extIdpId&gt;:&lt;userIdInIdp&gt;</c>.</summary>
    Identity,
}

public static class AccountIdTypes
{
    public const string Parameter = "userIdType";

    private static readonly Dictionary<string, AccountIdType> Supported = new(StringComparer.OrdinalIgnoreCase)
    {
        ["user_id"] = AccountIdType.UserId,
        ["external_id"] = AccountIdType.ExternalId,
        ["phone"] = AccountIdType.Phone,
        ["email"] = AccountIdType.Email,
        ["username"] = AccountIdType.Username,
        ["identity"] = AccountIdType.Identity,
    };

    /// <summary>In the SDK's enum, but not served: synchronization sources do not exist here, and a lookup by a unique custom field is not built yet.</summary>
    private static readonly string[] Unsupported = ["sync_relation", "custom_field"];

    /// <summary>The SDK's values: the supported ones, then the two refused ones.</summary>
    public static IEnumerable<string> Names => [.. Supported.Keys, .. Unsupported];

    /// <summary>Absent or empty means user_id, the SDK's default.</summary>
    public static AccountIdType Parse(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return AccountIdType.UserId;
        }

        if (Supported.TryGetValue(raw, out var type))
        {
            return type;
        }

        throw Unsupported.Contains(raw, StringComparer.OrdinalIgnoreCase)
            ? ApiException.BadRequest(ReadMessages.NotSupported(Parameter, raw.ToLowerInvariant()))
            : ApiException.BadRequest(Messages.OneOf(Parameter, Supported.Keys));
    }
}
