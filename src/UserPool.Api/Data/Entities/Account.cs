namespace UserPool.Api.Data.Entities;

/// <summary>
/// A user or a public account: every field of the contract's CreateUserInfoDto and UserDto.
/// JSON-valued fields are kept as their JSON text (jsonb columns).
/// </summary>
public sealed class Account
{
    public required string UserPoolId { get; init; }
    public required string Id { get; init; }
    public AccountKind Kind { get; init; }

    public required string Status { get; set; }
    public required string WorkStatus { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? PhoneCountryCode { get; set; }
    public string? Username { get; set; }
    public string? ExternalId { get; set; }

    /// <summary>
    /// The unique keys of e-mail, username and phone as <c>Accounts.Keys.KeyNormalizer</c> computed them (the unique
    /// indexes compare these), and the normalizer version that did. A key that collides with an older account's or
    /// whose value the rules now refuse holds a quarantined value (U+200B and the account id: no lookup can produce
    /// it), and <see cref="KeyProblems"/> says why.
    /// </summary>
    public string? EmailKey { get; set; }
    public string? UsernameKey { get; set; }
    public string? PhoneKey { get; set; }
    public int KeysVersion { get; set; }
    public string[]? KeyProblems { get; set; }
    public string? Name { get; set; }
    public string? Nickname { get; set; }
    public string? Photo { get; set; }
    public required string Gender { get; set; }
    public bool EmailVerified { get; set; }
    public bool PhoneVerified { get; set; }
    public string? Birthdate { get; set; }
    public string? Country { get; set; }
    public string? Province { get; set; }
    public string? City { get; set; }
    public string? Address { get; set; }
    public string? StreetAddress { get; set; }
    public string? PostalCode { get; set; }
    public string? Company { get; set; }
    public string? Browser { get; set; }
    public string? Device { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public string? MiddleName { get; set; }
    public string? Profile { get; set; }
    public string? PreferredUsername { get; set; }
    public string? Website { get; set; }
    public string? Zoneinfo { get; set; }
    public string? Locale { get; set; }
    public string? Formatted { get; set; }
    public string? Region { get; set; }
    public string? IdentityNumber { get; set; }

    public string? PasswordHash { get; set; }
    public string? PasswordSalt { get; set; }
    public string? PasswordAlgorithm { get; set; }
    public DateTime? PasswordLastSetAt { get; set; }
    public bool ResetPasswordOnNextLogin { get; set; }
    public int? PasswordSecurityLevel { get; set; }
    /// <summary>An imported TOTP secret and recovery code, both protected at rest.</summary>
    public string? ProtectedOtpSecret { get; set; }
    public string? ProtectedOtpRecoveryCode { get; set; }

    public string? CustomData { get; set; }
    public string? MetadataSource { get; set; }

    public required string UserSourceType { get; set; }
    public string? UserSourceId { get; set; }
    public string[] RegisterSource { get; set; } = [];
    public int LoginsCount { get; set; }
    public DateTime? LastLogin { get; set; }
    public string? LastIp { get; set; }
    public string? LastLoginApp { get; set; }
    public DateTime? LastMfaTime { get; set; }
    public string? MainDepartmentId { get; set; }
    public string[] PostIds { get; set; } = [];
    public string? TenantId { get; set; }
    public DateTime? SignedUp { get; set; }
    public DateTime StatusChangedAt { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
}
