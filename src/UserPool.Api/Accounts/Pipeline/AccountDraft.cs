using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Accounts.Pipeline;

/// <summary>One item of a batch on its way to the database: the account row and what hangs off it.</summary>
public sealed class AccountDraft
{
    public required int Index { get; init; }
    public required CreateAccountItem Item { get; init; }
    public required EffectiveOptions Options { get; init; }
    public required Account Account { get; init; }
    public required IReadOnlyList<AccountIdentity> Identities { get; init; }
    public required IReadOnlyList<string> DepartmentReferences { get; init; }
    public required IReadOnlyList<string> TenantIds { get; init; }

    /// <summary>
    /// False when the item failed validation: its values may not even be storable text, so they are kept
    /// away from the database lookups (the item is reported, and nothing is written anyway).
    /// </summary>
    public required bool IsValid { get; init; }

    /// <summary>Department ids after resolving <see cref="DepartmentReferences"/> by the item's departmentIdType.</summary>
    public List<string> DepartmentIds { get; } = [];

    /// <summary>The password after transport decryption: plaintext to hash, or a hash to keep.</summary>
    public string? Password { get; set; }

    /// <summary>With keepPassword: the algorithm of the kept hash, as the registry read it.</summary>
    public string? KeptHashAlgorithm { get; set; }

    /// <summary>A password generated for autoGeneratePassword; only ever sent through a notification.</summary>
    public string? GeneratedPassword { get; set; }

    /// <summary>The custom field definitions its customData names, as the checks saw them (CustomFieldPromisesCheck).</summary>
    public IReadOnlyList<CustomFieldRule> CustomFields { get; set; } = [];

    /// <summary>Its values of isUnique custom fields, hashed for custom_field_unique_values.</summary>
    public List<CustomFields.Promises.CustomUniqueValue> UniqueCustomValues { get; } = [];

    public IEnumerable<UniqueKey> UniqueKeys()
    {
        if (Account is { Email: { } email, EmailKey: { } emailKey })
        {
            yield return UniqueKey.Email(Index, email, emailKey);
        }

        if (Account is { Phone: { } phone, PhoneCountryCode: { } countryCode, PhoneKey: { } phoneKey })
        {
            yield return UniqueKey.Phone(Index, countryCode, phone, phoneKey);
        }

        if (Account is { Username: { } username, UsernameKey: { } usernameKey })
        {
            yield return UniqueKey.Username(Index, username, usernameKey);
        }

        if (Account.ExternalId is { } externalId)
        {
            yield return UniqueKey.ExternalId(Index, externalId);
        }

        for (var i = 0; i < Identities.Count; i++)
        {
            yield return UniqueKey.Identity(Index, i, Identities[i]);
        }
    }
}
