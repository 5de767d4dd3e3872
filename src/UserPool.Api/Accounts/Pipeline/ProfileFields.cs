using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Accounts.Pipeline;

/// <summary>
/// The one mapping of an item's plain profile fields onto an account, for create (DraftBuilder) and update
/// (PatchBuilder) alike: each value as sent, "" being no value. Fields with a create-only default (status, photo,
/// gender) are set by the caller; <see cref="Gender"/> is their shared spelling rule.
/// </summary>
public static class ProfileFields
{
    /// <summary>Sets the fields on an account being built (no allocation beyond the account itself).</summary>
    public static void CopyTo(Account account, CreateAccountItem item)
    {
        account.ExternalId = Clean(item.ExternalId);
        account.Name = Clean(item.Name);
        account.Nickname = Clean(item.Nickname);
        account.Birthdate = Clean(item.Birthdate);
        account.Country = Clean(item.Country);
        account.Province = Clean(item.Province);
        account.City = Clean(item.City);
        account.Address = Clean(item.Address);
        account.StreetAddress = Clean(item.StreetAddress);
        account.PostalCode = Clean(item.PostalCode);
        account.Company = Clean(item.Company);
        account.Browser = Clean(item.Browser);
        account.Device = Clean(item.Device);
        account.GivenName = Clean(item.GivenName);
        account.FamilyName = Clean(item.FamilyName);
        account.MiddleName = Clean(item.MiddleName);
        account.Profile = Clean(item.Profile);
        account.PreferredUsername = Clean(item.PreferredUsername);
        account.Website = Clean(item.Website);
        account.Zoneinfo = Clean(item.Zoneinfo);
        account.Locale = Clean(item.Locale);
        account.Formatted = Clean(item.Formatted);
        account.Region = Clean(item.Region);
        account.IdentityNumber = Clean(item.IdentityNumber);
    }

    /// <summary>The gender as stored: "W" is the SDKs' other spelling of "F"; null when none was sent.</summary>
    public static string? Gender(string? sent) => Clean(sent) is "W" ? "F" : Clean(sent);

    /// <summary>SDKs send "" for unset strings (Go, Python); an empty value is no value.</summary>
    public static string? Clean(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
