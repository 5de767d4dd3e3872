using System.Text.Json;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Accounts.Contracts;

/// <summary>
/// One account to change: UpdateUserInfoDto / UpdatePublicAccountInfoDto as a batch item, UpdateUserReqDto /
/// UpdatePublicAccountReqDto (with <see cref="Options"/>) as the body of a single update. A field left out, null or
/// "" (how several SDKs write "unset") stays as stored; sent fields obey the same rules as on create.
/// </summary>
public sealed record UpdateAccountItem : StrictJsonObject
{
    /// <summary>Which account: its id, or per options.userIdType another of its unique keys (single update only).</summary>
    public string? UserId { get; init; }
    public string? PhoneCountryCode { get; init; }
    public string? Name { get; init; }
    public string? Nickname { get; init; }
    public string? Photo { get; init; }
    public string? ExternalId { get; init; }
    public string? Status { get; init; }
    public bool? EmailVerified { get; init; }
    public bool? PhoneVerified { get; init; }
    public string? Birthdate { get; init; }
    public string? Country { get; init; }
    public string? Province { get; init; }
    public string? City { get; init; }
    public string? Address { get; init; }
    public string? StreetAddress { get; init; }
    public string? PostalCode { get; init; }
    public string? Gender { get; init; }
    public string? Username { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Password { get; init; }
    public string? Company { get; init; }
    public string? Browser { get; init; }
    public string? Device { get; init; }
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public string? MiddleName { get; init; }
    public string? Profile { get; init; }
    public string? PreferredUsername { get; init; }
    public string? Website { get; init; }
    public string? Zoneinfo { get; init; }
    public string? Locale { get; init; }
    public string? Formatted { get; init; }
    public string? Region { get; init; }
    public string? IdentityNumber { get; init; }
    /// <summary>Merged into the stored custom data key by key; a key sent as null clears that field.</summary>
    public JsonElement? CustomData { get; init; }
    /// <summary>Users only: merged into the stored metadataSource key by key.</summary>
    public JsonElement? Metadata { get; init; }

    /// <summary>Single update only (a batch item carries none; the batch's options apply).</summary>
    public UpdateAccountOptions? Options { get; init; }

    /// <summary>The same fields as an item to create, so the create rules validate them (Accounts/Validation).</summary>
    public CreateAccountItem AsCreateItem() => new()
    {
        Status = Status, Email = Email, Phone = Phone, PhoneCountryCode = PhoneCountryCode, Username = Username,
        ExternalId = ExternalId, Name = Name, Nickname = Nickname, Photo = Photo, Gender = Gender, EmailVerified = EmailVerified,
        PhoneVerified = PhoneVerified, Birthdate = Birthdate, Country = Country, Province = Province, City = City, Address = Address,
        StreetAddress = StreetAddress, PostalCode = PostalCode, Company = Company, Browser = Browser, Device = Device,
        GivenName = GivenName, FamilyName = FamilyName, MiddleName = MiddleName, Profile = Profile, PreferredUsername = PreferredUsername,
        Website = Website, Zoneinfo = Zoneinfo, Locale = Locale, Formatted = Formatted, Region = Region, IdentityNumber = IdentityNumber,
        Password = Password, CustomData = CustomData, MetadataSource = Metadata,
    };
}
