using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Accounts.Keys;
using UserPool.Api.Accounts.Validation;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;
using UserPool.Api.Security;

namespace UserPool.Api.Accounts.Pipeline;

/// <summary>
/// Turns a validated item into the rows to write. The only kind-specific mapping is here: public accounts
/// never carry identities, tenants or metadataSource (the validator has refused them already).
/// </summary>
public sealed class DraftBuilder(string poolId, AccountKind kind, DateTime now, string defaultPhotoUrl, SecretProtector protector)
{
    public AccountDraft Build(int index, CreateAccountItem item, AccountKeys keys, CreateAccountOptions? batchOptions, bool isValid)
    {
        // An invalid item is never written; its secrets are not protected (they may not even be valid text).
        var protect = isValid ? protector.Protect : (Func<string, string>)(_ => "");
        var id = ObjectIds.New(now);
        var account = new Account
        {
            UserPoolId = poolId,
            Id = id,
            Kind = kind,
            Status = Clean(item.Status) ?? "Activated",
            WorkStatus = "Active",
            // Stored and answered: e-mail and username as sent but trimmed; the phone as its national number and
            // +country code. A refused value is never written (the item fails); it stays null here.
            Email = keys.Email?.Stored,
            EmailKey = keys.Email?.Key,
            Phone = keys.Phone?.Phone,
            PhoneCountryCode = keys.Phone?.CountryCode,
            PhoneKey = keys.Phone?.Key,
            Username = keys.Username?.Stored,
            UsernameKey = keys.Username?.Key,
            KeysVersion = KeyNormalizer.Version,
            Photo = Clean(item.Photo) ?? defaultPhotoUrl,
            Gender = ProfileFields.Gender(item.Gender) ?? "U",
            EmailVerified = item.EmailVerified ?? false,
            PhoneVerified = item.PhoneVerified ?? false,
            // Go sends "otp":{"secret":""} on every item: an empty secret means no OTP.
            ProtectedOtpSecret = Clean(item.Otp?.Secret) is { } secret ? protect(secret) : null,
            ProtectedOtpRecoveryCode = Clean(item.Otp?.Secret) is not null && Clean(item.Otp?.RecoveryCode) is { } code ? protect(code) : null,
            CustomData = RawJson.From(item.CustomData)?.Text,
            MetadataSource = kind == AccountKind.User ? RawJson.From(item.MetadataSource)?.Text : null,
            UserSourceType = "adminCreated",
            StatusChangedAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        };
        ProfileFields.CopyTo(account, item);

        return new AccountDraft
        {
            Index = index,
            Item = item,
            Options = EffectiveOptions.For(item, batchOptions),
            Account = account,
            // A null identity is a validation error; the draft of an invalid item is still built, so skip it here.
            Identities = kind == AccountKind.User ? (item.Identities ?? []).OfType<IdentityInput>().Select(i => Identity(id, i, protect)).ToList() : [],
            IsValid = isValid,
            DepartmentReferences = (item.DepartmentIds ?? []).Distinct(StringComparer.Ordinal).ToList(),
            TenantIds = kind == AccountKind.User ? (item.TenantIds ?? []).Distinct(StringComparer.Ordinal).ToList() : [],
        };
    }

    private AccountIdentity Identity(string accountId, IdentityInput input, Func<string, string> protect) => new()
    {
        UserPoolId = poolId,
        Id = ObjectIds.New(now),
        AccountId = accountId,
        ExtIdpId = input.ExtIdpId!,
        Provider = input.Provider!,
        Type = input.Type!,
        UserIdInIdp = input.UserIdInIdp!,
        UserInfoInIdp = RawJson.From(input.UserInfoInIdp)?.Text,
        OriginConnIds = input.OriginConnIds ?? [],
        ProtectedAccessToken = Clean(input.AccessToken) is { } access ? protect(access) : null,
        ProtectedRefreshToken = Clean(input.RefreshToken) is { } refresh ? protect(refresh) : null,
        CreatedAt = now,
    };

    private static string? Clean(string? value) => ProfileFields.Clean(value);
}
