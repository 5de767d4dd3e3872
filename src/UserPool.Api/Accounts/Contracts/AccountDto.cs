using System.Text.Json;
using System.Text.Json.Serialization;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Accounts.Contracts;

/// <summary>
/// The fields UserDto and PublicAccountDto share (docs/contract.md §4). Built in one place from a stored account,
/// so users and public accounts cannot drift apart. Nulls are written: the SDK's tests expect
/// lastLogin/lastIp present as null on a new user, and collections null when their with… flag is off.
/// </summary>
public abstract class AccountDto(AccountView source)
{
    public string? UserId { get; } = source.IsDryRun ? null : source.Account.Id;
    public DateTime CreatedAt { get; } = source.Account.CreatedAt;
    public DateTime UpdatedAt { get; } = source.Account.UpdatedAt;
    public string Status { get; } = source.Account.Status;
    public string WorkStatus { get; } = source.Account.WorkStatus;
    public string? ExternalId { get; } = source.Account.ExternalId;
    public string? Email { get; } = source.Account.Email;
    public string? Phone { get; } = source.Account.Phone;
    public string? PhoneCountryCode { get; } = source.Account.PhoneCountryCode;
    public string? Username { get; } = source.Account.Username;
    public string? Name { get; } = source.Account.Name;
    public string? Nickname { get; } = source.Account.Nickname;
    public string? Photo { get; } = source.Account.Photo;
    public int LoginsCount { get; } = source.Account.LoginsCount;
    public DateTime? LastLogin { get; } = source.Account.LastLogin;
    public string? LastIp { get; } = source.Account.LastIp;
    public string Gender { get; } = source.Account.Gender;
    public bool EmailVerified { get; } = source.Account.EmailVerified;
    public bool PhoneVerified { get; } = source.Account.PhoneVerified;
    public DateTime? PasswordLastSetAt { get; } = source.Account.PasswordLastSetAt;
    public string? Birthdate { get; } = source.Account.Birthdate;
    public string? Country { get; } = source.Account.Country;
    public string? Province { get; } = source.Account.Province;
    public string? City { get; } = source.Account.City;
    public string? Address { get; } = source.Account.Address;
    public string? StreetAddress { get; } = source.Account.StreetAddress;
    public string? PostalCode { get; } = source.Account.PostalCode;
    public string? Company { get; } = source.Account.Company;
    public string? Browser { get; } = source.Account.Browser;
    public string? Device { get; } = source.Account.Device;
    public string? GivenName { get; } = source.Account.GivenName;
    public string? FamilyName { get; } = source.Account.FamilyName;
    public string? MiddleName { get; } = source.Account.MiddleName;
    public string? Profile { get; } = source.Account.Profile;
    public string? PreferredUsername { get; } = source.Account.PreferredUsername;
    public string? Website { get; } = source.Account.Website;
    public string? Zoneinfo { get; } = source.Account.Zoneinfo;
    public string? Locale { get; } = source.Account.Locale;
    public string? Formatted { get; } = source.Account.Formatted;
    public string? Region { get; } = source.Account.Region;
    public string UserSourceType { get; } = source.Account.UserSourceType;
    public string? UserSourceId { get; } = source.Account.UserSourceId;
    public string? LastLoginApp { get; } = source.Account.LastLoginApp;
    public string? MainDepartmentId { get; } = source.Account.MainDepartmentId;
    public DateTime? LastMfaTime { get; } = source.Account.LastMfaTime;
    public int? PasswordSecurityLevel { get; } = source.Account.PasswordSecurityLevel;
    public bool ResetPasswordOnNextLogin { get; } = source.Account.ResetPasswordOnNextLogin;
    public string[] RegisterSource { get; } = source.Account.RegisterSource;
    public IReadOnlyList<string>? DepartmentIds { get; } = source.DepartmentIds;
    public string? IdentityNumber { get; } = source.Account.IdentityNumber;
    public RawJson? CustomData { get; } = source.CustomData;
    public DateTime StatusChangedAt { get; } = source.Account.StatusChangedAt;
    public string? TenantId { get; } = source.Account.TenantId;

    /// <summary>flatCustomData: written as top-level properties after the built-in ones.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? FlatCustomData { get; } =
        source.FlatCustomData is null ? null : new Dictionary<string, JsonElement>(source.FlatCustomData);
}

/// <summary>PublicAccountDto: the shared fields only.</summary>
public sealed class PublicAccountDto(AccountView source) : AccountDto(source);

/// <summary>UserDto: the shared fields plus identities, metadataSource, postIdList and signedUp.</summary>
public sealed class UserDto(AccountView source) : AccountDto(source)
{
    public IReadOnlyList<IdentityDto>? Identities { get; } = source.Identities?.Select(i => IdentityDto.From(i, source.IsDryRun)).ToList();
    public RawJson? MetadataSource { get; } = RawJson.From(source.Account.MetadataSource);
    public string[]? PostIdList { get; } = source.WithPostIds ? source.Account.PostIds : null;
    public DateTime? SignedUp { get; } = source.Account.SignedUp;
}
