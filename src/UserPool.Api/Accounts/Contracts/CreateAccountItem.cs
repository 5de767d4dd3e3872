using System.Text.Json;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Accounts.Contracts;

/// <summary>
/// One account to create: CreateUserInfoDto for users, CreatePublicAccountReqDto for public accounts (docs/contract.md §4).
/// Also the body of create-user / create-public-account, whose top-level <see cref="Options"/> apply to it.
/// Fields of the seed's older form are accepted too (docs/contract.md §7).
/// </summary>
public sealed record CreateAccountItem : StrictJsonObject
{
    public string? Status { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? PhoneCountryCode { get; init; }
    public string? Username { get; init; }
    public string? ExternalId { get; init; }
    public string? Name { get; init; }
    public string? Nickname { get; init; }
    public string? Photo { get; init; }
    /// <summary>M, F or U; the seed's W is read as F.</summary>
    public string? Gender { get; init; }
    public bool? EmailVerified { get; init; }
    public bool? PhoneVerified { get; init; }
    public string? Birthdate { get; init; }
    public string? Country { get; init; }
    public string? Province { get; init; }
    public string? City { get; init; }
    public string? Address { get; init; }
    public string? StreetAddress { get; init; }
    public string? PostalCode { get; init; }
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
    public string? Password { get; init; }
    public string? Salt { get; init; }
    public OtpInput? Otp { get; init; }
    public string[]? DepartmentIds { get; init; }
    public JsonElement? CustomData { get; init; }

    /// <summary>Users only.</summary>
    public string[]? TenantIds { get; init; }
    /// <summary>Users only.</summary>
    public JsonElement? MetadataSource { get; init; }
    /// <summary>Users only.</summary>
    public IdentityInput[]? Identities { get; init; }

    /// <summary>Per-item options; for a single create they are the request's options. They win over the batch's.</summary>
    public CreateAccountOptions? Options { get; init; }

    /// <summary>Seed form: per item instead of in options.</summary>
    public string? PasswordEncryptType { get; init; }
    /// <summary>Seed form, misspelt as in the seed.</summary>
    public bool? ResetPasswordOnFisrtLogin { get; init; }
}
