using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Accounts.Keys;
using UserPool.Api.Accounts.Pipeline;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Accounts.Updating;

/// <summary>
/// Turns an update item into the account values it changes: the patch holds what was sent (null = unchanged, as for
/// "" which several SDKs send for unset strings), with the unique keys computed by the key normalizer as on create.
/// <see cref="Apply"/> lays a patch over the stored account for the answer, the rule the UPDATE statement follows
/// (AccountUpdateSql) in SQL.
/// </summary>
public static class PatchBuilder
{
    public static UpdateDraft Build(
        int index, UpdateAccountItem item, CreateAccountItem createItem, AccountKeys keys, Account stored, UpdateAccountOptions? options, bool isValid)
    {
        var patch = new Account
        {
            UserPoolId = stored.UserPoolId,
            Id = stored.Id,
            Kind = stored.Kind,
            Status = Clean(item.Status)!,
            WorkStatus = stored.WorkStatus,
            Email = keys.Email?.Stored,
            EmailKey = keys.Email?.Key,
            Phone = keys.Phone?.Phone,
            PhoneCountryCode = keys.Phone?.CountryCode,
            PhoneKey = keys.Phone?.Key,
            Username = keys.Username?.Stored,
            UsernameKey = keys.Username?.Key,
            Photo = Clean(item.Photo),
            Gender = ProfileFields.Gender(item.Gender)!,
            CustomData = RawJson.From(item.CustomData)?.Text,
            MetadataSource = stored.Kind == AccountKind.User ? RawJson.From(item.Metadata)?.Text : null,
            UserSourceType = stored.UserSourceType,
        };
        ProfileFields.CopyTo(patch, createItem);
        var draft = new AccountDraft
        {
            Index = index,
            Item = createItem,
            Options = UpdateOptions.Effective(options, stored.ResetPasswordOnNextLogin),
            Account = patch,
            Identities = [],
            IsValid = isValid,
            DepartmentReferences = [],
            TenantIds = [],
        };
        return new UpdateDraft { Item = item, Draft = draft, Stored = stored, ResetPasswordOnNextLogin = UpdateOptions.ResetFlag(options) };
    }

    /// <summary>The stored account with the patch laid over it, as the UPDATE statement writes it.</summary>
    public static void Apply(UpdateDraft update, DateTime now, Func<string?, string?, string?> mergeJson)
    {
        var (a, p) = (update.Stored, update.Patch);
        if (p.Status is not null && p.Status != a.Status)
        {
            a.Status = p.Status;
            a.StatusChangedAt = now;
        }

        if (p.EmailKey is not null)
        {
            (a.Email, a.EmailKey) = (p.Email, p.EmailKey);
        }

        if (p.PhoneKey is not null)
        {
            (a.Phone, a.PhoneCountryCode, a.PhoneKey) = (p.Phone, p.PhoneCountryCode, p.PhoneKey);
        }

        if (p.UsernameKey is not null)
        {
            (a.Username, a.UsernameKey) = (p.Username, p.UsernameKey);
        }

        a.ExternalId = p.ExternalId ?? a.ExternalId;
        a.Name = p.Name ?? a.Name;
        a.Nickname = p.Nickname ?? a.Nickname;
        a.Photo = p.Photo ?? a.Photo;
        a.Gender = p.Gender ?? a.Gender;
        a.EmailVerified = update.Item.EmailVerified ?? a.EmailVerified;
        a.PhoneVerified = update.Item.PhoneVerified ?? a.PhoneVerified;
        a.Birthdate = p.Birthdate ?? a.Birthdate;
        a.Country = p.Country ?? a.Country;
        a.Province = p.Province ?? a.Province;
        a.City = p.City ?? a.City;
        a.Address = p.Address ?? a.Address;
        a.StreetAddress = p.StreetAddress ?? a.StreetAddress;
        a.PostalCode = p.PostalCode ?? a.PostalCode;
        a.Company = p.Company ?? a.Company;
        a.Browser = p.Browser ?? a.Browser;
        a.Device = p.Device ?? a.Device;
        a.GivenName = p.GivenName ?? a.GivenName;
        a.FamilyName = p.FamilyName ?? a.FamilyName;
        a.MiddleName = p.MiddleName ?? a.MiddleName;
        a.Profile = p.Profile ?? a.Profile;
        a.PreferredUsername = p.PreferredUsername ?? a.PreferredUsername;
        a.Website = p.Website ?? a.Website;
        a.Zoneinfo = p.Zoneinfo ?? a.Zoneinfo;
        a.Locale = p.Locale ?? a.Locale;
        a.Formatted = p.Formatted ?? a.Formatted;
        a.Region = p.Region ?? a.Region;
        a.IdentityNumber = p.IdentityNumber ?? a.IdentityNumber;
        a.CustomData = mergeJson(a.CustomData, p.CustomData);
        a.MetadataSource = mergeJson(a.MetadataSource, p.MetadataSource);
        if (p.PasswordHash is not null)
        {
            (a.PasswordHash, a.PasswordSalt, a.PasswordAlgorithm, a.PasswordLastSetAt) = (p.PasswordHash, null, p.PasswordAlgorithm, p.PasswordLastSetAt);
        }

        a.ResetPasswordOnNextLogin = update.ResetPasswordOnNextLogin ?? a.ResetPasswordOnNextLogin;
        a.UpdatedAt = now;
    }

    private static string? Clean(string? value) => ProfileFields.Clean(value);
}
