using Npgsql;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Accounts.Reading;

/// <summary>
/// Reads <c>accounts</c> rows (selected as <c>a.*</c>) from a plain Npgsql reader, for the write paths that look their
/// accounts up on the connection they then write on. Written by hand because EF Core's FromSqlRaw, measured on a
/// 50-account update batch, spent a third of the server's CPU building, caching and running its query pipeline around
/// the very same statement. Columns are found by name, so the table's column order does not matter;
/// <c>AccountRowsTests</c> holds this reader to EF Core's mapping, property by property, on a row with a distinct value
/// in every column.
/// </summary>
internal static class AccountRows
{
    public static async Task<List<Account>> ReadAllAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        var accounts = new List<Account>();
        while (await reader.ReadAsync(ct))
        {
            accounts.Add(Read(reader));
        }

        return accounts;
    }

    private static Account Read(NpgsqlDataReader r) => new()
    {
        UserPoolId = r.GetString(r.GetOrdinal("user_pool_id")),
        Id = r.GetString(r.GetOrdinal("id")),
        Kind = (AccountKind)r.GetInt16(r.GetOrdinal("kind")),
        Status = r.GetString(r.GetOrdinal("status")),
        WorkStatus = r.GetString(r.GetOrdinal("work_status")),
        Email = Text(r, "email"),
        Phone = Text(r, "phone"),
        PhoneCountryCode = Text(r, "phone_country_code"),
        Username = Text(r, "username"),
        ExternalId = Text(r, "external_id"),
        EmailKey = Text(r, "email_key"),
        UsernameKey = Text(r, "username_key"),
        PhoneKey = Text(r, "phone_key"),
        KeysVersion = r.GetInt32(r.GetOrdinal("keys_version")),
        KeyProblems = Texts(r, "key_problems"),
        Name = Text(r, "name"),
        Nickname = Text(r, "nickname"),
        Photo = Text(r, "photo"),
        Gender = r.GetString(r.GetOrdinal("gender")),
        EmailVerified = r.GetBoolean(r.GetOrdinal("email_verified")),
        PhoneVerified = r.GetBoolean(r.GetOrdinal("phone_verified")),
        Birthdate = Text(r, "birthdate"),
        Country = Text(r, "country"),
        Province = Text(r, "province"),
        City = Text(r, "city"),
        Address = Text(r, "address"),
        StreetAddress = Text(r, "street_address"),
        PostalCode = Text(r, "postal_code"),
        Company = Text(r, "company"),
        Browser = Text(r, "browser"),
        Device = Text(r, "device"),
        GivenName = Text(r, "given_name"),
        FamilyName = Text(r, "family_name"),
        MiddleName = Text(r, "middle_name"),
        Profile = Text(r, "profile"),
        PreferredUsername = Text(r, "preferred_username"),
        Website = Text(r, "website"),
        Zoneinfo = Text(r, "zoneinfo"),
        Locale = Text(r, "locale"),
        Formatted = Text(r, "formatted"),
        Region = Text(r, "region"),
        IdentityNumber = Text(r, "identity_number"),
        PasswordHash = Text(r, "password_hash"),
        PasswordSalt = Text(r, "password_salt"),
        PasswordAlgorithm = Text(r, "password_algorithm"),
        PasswordLastSetAt = Timestamp(r, "password_last_set_at"),
        ResetPasswordOnNextLogin = r.GetBoolean(r.GetOrdinal("reset_password_on_next_login")),
        PasswordSecurityLevel = Integer(r, "password_security_level"),
        ProtectedOtpSecret = Text(r, "protected_otp_secret"),
        ProtectedOtpRecoveryCode = Text(r, "protected_otp_recovery_code"),
        CustomData = Text(r, "custom_data"),
        MetadataSource = Text(r, "metadata_source"),
        UserSourceType = r.GetString(r.GetOrdinal("user_source_type")),
        UserSourceId = Text(r, "user_source_id"),
        RegisterSource = Texts(r, "register_source") ?? [],
        LoginsCount = r.GetInt32(r.GetOrdinal("logins_count")),
        LastLogin = Timestamp(r, "last_login"),
        LastIp = Text(r, "last_ip"),
        LastLoginApp = Text(r, "last_login_app"),
        LastMfaTime = Timestamp(r, "last_mfa_time"),
        MainDepartmentId = Text(r, "main_department_id"),
        PostIds = Texts(r, "post_ids") ?? [],
        TenantId = Text(r, "tenant_id"),
        SignedUp = Timestamp(r, "signed_up"),
        StatusChangedAt = r.GetDateTime(r.GetOrdinal("status_changed_at")),
        CreatedAt = r.GetDateTime(r.GetOrdinal("created_at")),
        UpdatedAt = r.GetDateTime(r.GetOrdinal("updated_at")),
    };

    // jsonb reads as its text, as EF Core maps custom_data and metadata_source.
    private static string? Text(NpgsqlDataReader r, string column) =>
        r.GetOrdinal(column) is var i && r.IsDBNull(i) ? null : r.GetString(i);

    private static string[]? Texts(NpgsqlDataReader r, string column) =>
        r.GetOrdinal(column) is var i && r.IsDBNull(i) ? null : r.GetFieldValue<string[]>(i);

    private static DateTime? Timestamp(NpgsqlDataReader r, string column) =>
        r.GetOrdinal(column) is var i && r.IsDBNull(i) ? null : r.GetDateTime(i);

    private static int? Integer(NpgsqlDataReader r, string column) =>
        r.GetOrdinal(column) is var i && r.IsDBNull(i) ? null : r.GetInt32(i);
}
