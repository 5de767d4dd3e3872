namespace UserPool.Api.Validation;

/// <summary>
/// Maximum sizes of fields, shared by every feature (the contract declares none; these are documented in the README).
/// Generous for real data, small enough that one batch stays a bounded amount of work.
/// </summary>
public static class FieldLimits
{
    public const int Email = 254;
    public const int PhoneMinDigits = 4;
    public const int PhoneMaxDigits = 20;
    public const int Username = 128;
    public const int ExternalId = 256;
    public const int PersonName = 128;
    public const int Url = 2048;
    public const int Address = 512;
    public const int Place = 128;
    public const int PostalCode = 32;
    public const int Company = 256;
    public const int Browser = 1024;
    public const int Device = 256;
    public const int IdentityNumber = 64;
    public const int Salt = 256;
    /// <summary>BCrypt uses only the first 72 bytes of a password; longer plaintexts are refused, not silently cut.</summary>
    public const int PlaintextPasswordBytes = 72;
    public const int PasswordText = 2048;
    public const int OtpText = 256;
    public const int CustomDataString = 1024;
    public const int JsonObjectBytes = 16 * 1024;
    public const int IdentitiesPerAccount = 10;
    public const int IdentityPart = 256;
    public const int LinksPerAccount = 50;
    public const int ReferenceId = 128;
}
