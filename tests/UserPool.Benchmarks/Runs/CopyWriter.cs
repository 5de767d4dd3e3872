using Npgsql;
using NpgsqlTypes;
using UserPool.Api.Data.Entities;
using UserPool.Benchmarks.Workload;

namespace UserPool.Benchmarks.Runs;

/// <summary>
/// Baseline (a), the physical limit: the server's rows written straight into PostgreSQL by Npgsql binary
/// COPY (accounts, identities, department links), one transaction per batch, nothing checked or answered.
/// Written independently of the server's own COPY code, with the synchronous importer API (the cheapest).
/// </summary>
public sealed class CopyWriter(NpgsqlDataSource dataSource)
{
    private const string AccountColumns =
        "user_pool_id, id, kind, status, work_status, email, phone, phone_country_code, username, external_id, name, nickname, photo, " +
        "gender, email_verified, phone_verified, birthdate, country, province, city, address, street_address, postal_code, company, " +
        "browser, device, given_name, family_name, middle_name, profile, preferred_username, website, zoneinfo, locale, formatted, " +
        "region, identity_number, password_hash, password_salt, password_algorithm, password_last_set_at, reset_password_on_next_login, " +
        "password_security_level, protected_otp_secret, protected_otp_recovery_code, custom_data, metadata_source, user_source_type, " +
        "user_source_id, register_source, logins_count, last_login, last_ip, last_login_app, last_mfa_time, main_department_id, post_ids, " +
        "tenant_id, signed_up, status_changed_at, created_at, updated_at, email_key, username_key, phone_key, keys_version";

    public Task WriteAsync(RowSet rows)
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Accounts(connection, rows.Accounts);
        Identities(connection, rows.Identities);
        Links(connection, rows.Links);
        transaction.Commit();
        return Task.CompletedTask;
    }

    private static void Accounts(NpgsqlConnection connection, IReadOnlyList<Account> accounts)
    {
        using var copy = connection.BeginBinaryImport($"COPY accounts ({AccountColumns}) FROM STDIN (FORMAT BINARY)");
        foreach (var a in accounts)
        {
            copy.StartRow();
            Texts(copy, a.UserPoolId, a.Id);
            copy.Write((short)a.Kind, NpgsqlDbType.Smallint);
            Texts(copy, a.Status, a.WorkStatus, a.Email, a.Phone, a.PhoneCountryCode, a.Username, a.ExternalId, a.Name, a.Nickname, a.Photo, a.Gender);
            copy.Write(a.EmailVerified, NpgsqlDbType.Boolean);
            copy.Write(a.PhoneVerified, NpgsqlDbType.Boolean);
            Texts(copy, a.Birthdate, a.Country, a.Province, a.City, a.Address, a.StreetAddress, a.PostalCode, a.Company, a.Browser, a.Device,
                a.GivenName, a.FamilyName, a.MiddleName, a.Profile, a.PreferredUsername, a.Website, a.Zoneinfo, a.Locale, a.Formatted, a.Region,
                a.IdentityNumber, a.PasswordHash, a.PasswordSalt, a.PasswordAlgorithm);
            Timestamp(copy, a.PasswordLastSetAt);
            copy.Write(a.ResetPasswordOnNextLogin, NpgsqlDbType.Boolean);
            copy.WriteNull(); // password_security_level
            Texts(copy, a.ProtectedOtpSecret, a.ProtectedOtpRecoveryCode);
            Jsonb(copy, a.CustomData);
            Jsonb(copy, a.MetadataSource);
            Texts(copy, a.UserSourceType, a.UserSourceId);
            copy.Write(a.RegisterSource, NpgsqlDbType.Array | NpgsqlDbType.Text);
            copy.Write(a.LoginsCount, NpgsqlDbType.Integer);
            Timestamp(copy, a.LastLogin);
            Texts(copy, a.LastIp, a.LastLoginApp);
            Timestamp(copy, a.LastMfaTime);
            Texts(copy, a.MainDepartmentId);
            copy.Write(a.PostIds, NpgsqlDbType.Array | NpgsqlDbType.Text);
            Texts(copy, a.TenantId);
            Timestamp(copy, a.SignedUp);
            Timestamp(copy, a.StatusChangedAt);
            Timestamp(copy, a.CreatedAt);
            Timestamp(copy, a.UpdatedAt);
            Texts(copy, a.EmailKey, a.UsernameKey, a.PhoneKey);
            copy.Write(a.KeysVersion, NpgsqlDbType.Integer);
        }

        copy.Complete();
    }

    private static void Identities(NpgsqlConnection connection, IReadOnlyList<AccountIdentity> identities)
    {
        using var copy = connection.BeginBinaryImport(
            "COPY identities (user_pool_id, id, account_id, ext_idp_id, provider, type, user_id_in_idp, user_info_in_idp, origin_conn_ids, " +
            "protected_access_token, protected_refresh_token, created_at) FROM STDIN (FORMAT BINARY)");
        foreach (var i in identities)
        {
            copy.StartRow();
            Texts(copy, i.UserPoolId, i.Id, i.AccountId, i.ExtIdpId, i.Provider, i.Type, i.UserIdInIdp);
            Jsonb(copy, i.UserInfoInIdp);
            copy.Write(i.OriginConnIds, NpgsqlDbType.Array | NpgsqlDbType.Text);
            Texts(copy, i.ProtectedAccessToken, i.ProtectedRefreshToken);
            Timestamp(copy, i.CreatedAt);
        }

        copy.Complete();
    }

    private static void Links(NpgsqlConnection connection, IReadOnlyList<AccountDepartment> links)
    {
        using var copy = connection.BeginBinaryImport(
            "COPY account_departments (user_pool_id, account_id, department_id, created_at) FROM STDIN (FORMAT BINARY)");
        foreach (var link in links)
        {
            copy.StartRow();
            Texts(copy, link.UserPoolId, link.AccountId, link.DepartmentId);
            Timestamp(copy, link.CreatedAt);
        }

        copy.Complete();
    }

    private static void Texts(NpgsqlBinaryImporter copy, params ReadOnlySpan<string?> values)
    {
        foreach (var value in values)
        {
            if (value is null)
            {
                copy.WriteNull();
            }
            else
            {
                copy.Write(value, NpgsqlDbType.Text);
            }
        }
    }

    private static void Jsonb(NpgsqlBinaryImporter copy, string? json)
    {
        if (json is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(json, NpgsqlDbType.Jsonb);
        }
    }

    private static void Timestamp(NpgsqlBinaryImporter copy, DateTime? value)
    {
        if (value is { } v)
        {
            copy.Write(v, NpgsqlDbType.TimestampTz);
        }
        else
        {
            copy.WriteNull();
        }
    }
}
