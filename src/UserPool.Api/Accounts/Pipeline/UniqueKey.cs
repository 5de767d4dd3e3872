using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Accounts.Pipeline;

public enum UniqueKeyKind
{
    Email,
    Phone,
    Username,
    ExternalId,
    Identity,
}

/// <summary>
/// A value that must be unique in the pool across users and public accounts, normalized as the unique
/// index compares it (the canonical keys of e-mail, username and phone; externalId and identities as sent).
/// </summary>
public sealed record UniqueKey(UniqueKeyKind Kind, int Index, string Field, string Normalized, string Shown)
{
    /// <summary>Authing's older conflict codes (docs/contract.md §3): 2200 e-mail, 2035 phone, 2034 username, 2026 other.</summary>
    public int ApiCode => Kind switch
    {
        UniqueKeyKind.Email => 2200,
        UniqueKeyKind.Phone => 2035,
        UniqueKeyKind.Username => 2034,
        _ => 2026,
    };

    /// <summary>The key of this kind an account holds, as its unique index holds it (identities live in their own table: null).</summary>
    public static string? HeldBy(Account account, UniqueKeyKind kind) => kind switch
    {
        UniqueKeyKind.Email => account.EmailKey,
        UniqueKeyKind.Phone => account.PhoneKey,
        UniqueKeyKind.Username => account.UsernameKey,
        UniqueKeyKind.ExternalId => account.ExternalId,
        _ => null,
    };

    /// <summary>Keys come from Accounts.Keys.KeyNormalizer (stored on the account); the value shown is the one stored.</summary>
    public static UniqueKey Email(int index, string email, string key) => new(UniqueKeyKind.Email, index, "email", key, email);

    public static UniqueKey Phone(int index, string countryCode, string phone, string key) =>
        new(UniqueKeyKind.Phone, index, "phone", key, countryCode + " " + phone);

    public static UniqueKey Username(int index, string username, string key) => new(UniqueKeyKind.Username, index, "username", key, username);

    public static UniqueKey ExternalId(int index, string externalId) => new(UniqueKeyKind.ExternalId, index, "externalId", externalId, externalId);

    public static UniqueKey Identity(int index, int position, AccountIdentity identity)
    {
        var key = $"{identity.ExtIdpId}\u001f{identity.Type}\u001f{identity.UserIdInIdp}";
        return new(UniqueKeyKind.Identity, index, $"identities[{position}]", key, $"{identity.ExtIdpId}/{identity.Type}/{identity.UserIdInIdp}");
    }

    public string DuplicateMessage(int firstIndex) => RequestLanguage.Pick(
        $"{Field} {Shown} 与 list[{firstIndex}] 重复", $"{Field} {Shown} duplicates list[{firstIndex}]");

    public string ConflictMessage(AccountKind holderKind, string holderId)
    {
        var holder = holderKind == AccountKind.PublicAccount
            ? RequestLanguage.Pick("公共账号", "public account")
            : RequestLanguage.Pick("用户", "user");
        return RequestLanguage.Pick($"{Field} {Shown} 已被{holder} {holderId} 使用", $"{Field} {Shown} is already used by {holder} {holderId}");
    }
}
