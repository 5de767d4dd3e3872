namespace UserPool.Api.Accounts.Keys;

/// <summary>
/// The keys of an account already stored, recomputed by the current normalizer. A value the rules now refuse keeps
/// the account (nothing is dropped or hidden) but its key is quarantined: U+200B followed by the account id, a
/// string the normalizer can never produce (it refuses U+200B), so no lookup or new account ever matches it, and
/// unique per account, so quarantined keys never collide with each other.
/// </summary>
public sealed record StoredKeys(string? EmailKey, string? UsernameKey, string? PhoneKey, IReadOnlyList<string> Problems)
{
    public const char QuarantineMark = '\u200B';

    public static string Quarantined(string accountId) => QuarantineMark + accountId;

    public static StoredKeys Compute(string accountId, string? email, string? username, string? phone, string? countryCode)
    {
        var problems = new List<string>();
        var emailKey = email is null ? null : Keep("email", KeyNormalizer.Email(email));
        var usernameKey = username is null ? null : Keep("username", KeyNormalizer.Username(username));
        var phoneKey = phone is null ? null : Keep("phone", KeyNormalizer.Phone(phone, countryCode) is var p ? new KeyResult(null, p.Key, p.Refusal) : default);
        return new StoredKeys(emailKey, usernameKey, phoneKey, problems);

        string Keep(string field, KeyResult result)
        {
            if (result.Refusal is not { } refusal)
            {
                return result.Key!;
            }

            problems.Add($"{field}: refused ({refusal.Code})");
            return Quarantined(accountId);
        }
    }
}
