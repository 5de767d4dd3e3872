using Npgsql;
using NpgsqlTypes;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Accounts.Pipeline;

/// <summary>
/// Binary COPY of a batch's rows: one streamed statement per table instead of a round trip per row
/// (or EF change tracking). Column lists are explicit; the unique keys are written as the application's
/// normalizer computed them (Accounts/Keys), with its version.
/// </summary>
internal static class AccountCopy
{
    private const string AccountColumns =
        "user_pool_id, id, kind, status, work_status, email, phone, phone_country_code, username, external_id, name, nickname, photo, " +
        "gender, email_verified, phone_verified, birthdate, country, province, city, address, street_address, postal_code, company, " +
        "browser, device, given_name, family_name, middle_name, profile, preferred_username, website, zoneinfo, locale, formatted, " +
        "region, identity_number, password_hash, password_salt, password_algorithm, password_last_set_at, reset_password_on_next_login, " +
        "password_security_level, protected_otp_secret, protected_otp_recovery_code, custom_data, metadata_source, user_source_type, " +
        "user_source_id, register_source, logins_count, last_login, last_ip, last_login_app, last_mfa_time, main_department_id, post_ids, " +
        "tenant_id, signed_up, status_changed_at, created_at, updated_at, email_key, username_key, phone_key, keys_version";

    public static async Task AccountsAsync(NpgsqlConnection connection, IEnumerable<Account> accounts, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY accounts ({AccountColumns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var a in accounts)
        {
            await copy.StartRowAsync(ct);
            await Texts(copy, ct, a.UserPoolId, a.Id);
            await copy.WriteAsync((short)a.Kind, NpgsqlDbType.Smallint, ct);
            await Texts(copy, ct, a.Status, a.WorkStatus, a.Email, a.Phone, a.PhoneCountryCode, a.Username, a.ExternalId, a.Name, a.Nickname, a.Photo, a.Gender);
            await copy.WriteAsync(a.EmailVerified, NpgsqlDbType.Boolean, ct);
            await copy.WriteAsync(a.PhoneVerified, NpgsqlDbType.Boolean, ct);
            await Texts(copy, ct, a.Birthdate, a.Country, a.Province, a.City, a.Address, a.StreetAddress, a.PostalCode, a.Company,
                a.Browser, a.Device, a.GivenName, a.FamilyName, a.MiddleName, a.Profile, a.PreferredUsername, a.Website, a.Zoneinfo,
                a.Locale, a.Formatted, a.Region, a.IdentityNumber, a.PasswordHash, a.PasswordSalt, a.PasswordAlgorithm);
            await Timestamp(copy, a.PasswordLastSetAt, ct);
            await copy.WriteAsync(a.ResetPasswordOnNextLogin, NpgsqlDbType.Boolean, ct);
            await Integer(copy, a.PasswordSecurityLevel, ct);
            await Texts(copy, ct, a.ProtectedOtpSecret, a.ProtectedOtpRecoveryCode);
            await Jsonb(copy, a.CustomData, ct);
            await Jsonb(copy, a.MetadataSource, ct);
            await Texts(copy, ct, a.UserSourceType, a.UserSourceId);
            await copy.WriteAsync(a.RegisterSource, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await copy.WriteAsync(a.LoginsCount, NpgsqlDbType.Integer, ct);
            await Timestamp(copy, a.LastLogin, ct);
            await Texts(copy, ct, a.LastIp, a.LastLoginApp);
            await Timestamp(copy, a.LastMfaTime, ct);
            await Texts(copy, ct, a.MainDepartmentId);
            await copy.WriteAsync(a.PostIds, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await Texts(copy, ct, a.TenantId);
            await Timestamp(copy, a.SignedUp, ct);
            await Timestamp(copy, a.StatusChangedAt, ct);
            await Timestamp(copy, a.CreatedAt, ct);
            await Timestamp(copy, a.UpdatedAt, ct);
            await Texts(copy, ct, a.EmailKey, a.UsernameKey, a.PhoneKey);
            await copy.WriteAsync(a.KeysVersion, NpgsqlDbType.Integer, ct);
        }

        await copy.CompleteAsync(ct);
    }

    public static async Task IdentitiesAsync(NpgsqlConnection connection, IEnumerable<AccountIdentity> identities, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY identities (user_pool_id, id, account_id, ext_idp_id, provider, type, user_id_in_idp, user_info_in_idp, origin_conn_ids, " +
            "protected_access_token, protected_refresh_token, created_at) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var i in identities)
        {
            await copy.StartRowAsync(ct);
            await Texts(copy, ct, i.UserPoolId, i.Id, i.AccountId, i.ExtIdpId, i.Provider, i.Type, i.UserIdInIdp);
            await Jsonb(copy, i.UserInfoInIdp, ct);
            await copy.WriteAsync(i.OriginConnIds, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await Texts(copy, ct, i.ProtectedAccessToken, i.ProtectedRefreshToken);
            await Timestamp(copy, i.CreatedAt, ct);
        }

        await copy.CompleteAsync(ct);
    }

    /// <summary>account_departments and account_tenants: (pool, account, target, created_at) rows.</summary>
    public static async Task LinksAsync(NpgsqlConnection connection, string table, string targetColumn,
        IEnumerable<(string PoolId, string AccountId, string TargetId, DateTime CreatedAt)> links, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY {table} (user_pool_id, account_id, {targetColumn}, created_at) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var link in links)
        {
            await copy.StartRowAsync(ct);
            await Texts(copy, ct, link.PoolId, link.AccountId, link.TargetId);
            await Timestamp(copy, link.CreatedAt, ct);
        }

        await copy.CompleteAsync(ct);
    }

    public static async Task OutboxAsync(NpgsqlConnection connection, IEnumerable<OutboxMessage> messages, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY notification_outbox (user_pool_id, id, account_id, channel, template, lang, recipient, phone_country_code, app_id, " +
            "protected_password, status, attempts, next_attempt_at, created_at) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var m in messages)
        {
            await copy.StartRowAsync(ct);
            await Texts(copy, ct, m.UserPoolId, m.Id, m.AccountId, m.Channel, m.Template, m.Lang, m.Recipient, m.PhoneCountryCode,
                m.AppId, m.ProtectedPassword, m.Status);
            await copy.WriteAsync(m.Attempts, NpgsqlDbType.Integer, ct);
            await Timestamp(copy, m.NextAttemptAt, ct);
            await Timestamp(copy, m.CreatedAt, ct);
        }

        await copy.CompleteAsync(ct);
    }

    private static async Task Texts(NpgsqlBinaryImporter copy, CancellationToken ct, params string?[] values)
    {
        foreach (var value in values)
        {
            if (value is null)
            {
                await copy.WriteNullAsync(ct);
            }
            else
            {
                await copy.WriteAsync(value, NpgsqlDbType.Text, ct);
            }
        }
    }

    private static Task Jsonb(NpgsqlBinaryImporter copy, string? json, CancellationToken ct) =>
        json is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(json, NpgsqlDbType.Jsonb, ct);

    private static Task Timestamp(NpgsqlBinaryImporter copy, DateTime? value, CancellationToken ct) =>
        value is { } v ? copy.WriteAsync(v, NpgsqlDbType.TimestampTz, ct) : copy.WriteNullAsync(ct);

    private static Task Integer(NpgsqlBinaryImporter copy, int? value, CancellationToken ct) =>
        value is { } v ? copy.WriteAsync(v, NpgsqlDbType.Integer, ct) : copy.WriteNullAsync(ct);
}
