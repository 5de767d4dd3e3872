using UserPool.Api.Data.Entities;

namespace UserPool.Api.Accounts.Pipeline;

/// <summary>
/// The binary COPYs of a batch: one streamed statement per table instead of a round trip per row (or EF change
/// tracking). One line per column: its name, its type and the property it is read from (see <see cref="CopyTable{TRow}"/>).
/// The unique keys are written as the application's normalizer computed them (Accounts/Keys), with its version.
/// Columns left out are left to NULL: accounts.key_problems (set by the key reconciler), notification_outbox's
/// last_error and sent_at (set by the dispatcher).
/// </summary>
internal static class AccountCopy
{
    public static readonly CopyTable<Account> Accounts = new CopyTable<Account>("accounts")
        .Text("user_pool_id", a => a.UserPoolId)
        .Text("id", a => a.Id)
        .Smallint("kind", a => (short)a.Kind)
        .Text("status", a => a.Status)
        .Text("work_status", a => a.WorkStatus)
        .Text("email", a => a.Email)
        .Text("phone", a => a.Phone)
        .Text("phone_country_code", a => a.PhoneCountryCode)
        .Text("username", a => a.Username)
        .Text("external_id", a => a.ExternalId)
        .Text("name", a => a.Name)
        .Text("nickname", a => a.Nickname)
        .Text("photo", a => a.Photo)
        .Text("gender", a => a.Gender)
        .Boolean("email_verified", a => a.EmailVerified)
        .Boolean("phone_verified", a => a.PhoneVerified)
        .Text("birthdate", a => a.Birthdate)
        .Text("country", a => a.Country)
        .Text("province", a => a.Province)
        .Text("city", a => a.City)
        .Text("address", a => a.Address)
        .Text("street_address", a => a.StreetAddress)
        .Text("postal_code", a => a.PostalCode)
        .Text("company", a => a.Company)
        .Text("browser", a => a.Browser)
        .Text("device", a => a.Device)
        .Text("given_name", a => a.GivenName)
        .Text("family_name", a => a.FamilyName)
        .Text("middle_name", a => a.MiddleName)
        .Text("profile", a => a.Profile)
        .Text("preferred_username", a => a.PreferredUsername)
        .Text("website", a => a.Website)
        .Text("zoneinfo", a => a.Zoneinfo)
        .Text("locale", a => a.Locale)
        .Text("formatted", a => a.Formatted)
        .Text("region", a => a.Region)
        .Text("identity_number", a => a.IdentityNumber)
        .Text("password_hash", a => a.PasswordHash)
        .Text("password_salt", a => a.PasswordSalt)
        .Text("password_algorithm", a => a.PasswordAlgorithm)
        .TimestampTz("password_last_set_at", a => a.PasswordLastSetAt)
        .Boolean("reset_password_on_next_login", a => a.ResetPasswordOnNextLogin)
        .Integer("password_security_level", a => a.PasswordSecurityLevel)
        .Text("protected_otp_secret", a => a.ProtectedOtpSecret)
        .Text("protected_otp_recovery_code", a => a.ProtectedOtpRecoveryCode)
        .Jsonb("custom_data", a => a.CustomData)
        .Jsonb("metadata_source", a => a.MetadataSource)
        .Text("user_source_type", a => a.UserSourceType)
        .Text("user_source_id", a => a.UserSourceId)
        .TextArray("register_source", a => a.RegisterSource)
        .Integer("logins_count", a => a.LoginsCount)
        .TimestampTz("last_login", a => a.LastLogin)
        .Text("last_ip", a => a.LastIp)
        .Text("last_login_app", a => a.LastLoginApp)
        .TimestampTz("last_mfa_time", a => a.LastMfaTime)
        .Text("main_department_id", a => a.MainDepartmentId)
        .TextArray("post_ids", a => a.PostIds)
        .Text("tenant_id", a => a.TenantId)
        .TimestampTz("signed_up", a => a.SignedUp)
        .TimestampTz("status_changed_at", a => a.StatusChangedAt)
        .TimestampTz("created_at", a => a.CreatedAt)
        .TimestampTz("updated_at", a => a.UpdatedAt)
        .Text("email_key", a => a.EmailKey)
        .Text("username_key", a => a.UsernameKey)
        .Text("phone_key", a => a.PhoneKey)
        .Integer("keys_version", a => a.KeysVersion);

    public static readonly CopyTable<AccountIdentity> Identities = new CopyTable<AccountIdentity>("identities")
        .Text("user_pool_id", i => i.UserPoolId)
        .Text("id", i => i.Id)
        .Text("account_id", i => i.AccountId)
        .Text("ext_idp_id", i => i.ExtIdpId)
        .Text("provider", i => i.Provider)
        .Text("type", i => i.Type)
        .Text("user_id_in_idp", i => i.UserIdInIdp)
        .Jsonb("user_info_in_idp", i => i.UserInfoInIdp)
        .TextArray("origin_conn_ids", i => i.OriginConnIds)
        .Text("protected_access_token", i => i.ProtectedAccessToken)
        .Text("protected_refresh_token", i => i.ProtectedRefreshToken)
        .TimestampTz("created_at", i => i.CreatedAt);

    public static readonly CopyTable<AccountDepartment> Departments = new CopyTable<AccountDepartment>("account_departments")
        .Text("user_pool_id", l => l.UserPoolId)
        .Text("account_id", l => l.AccountId)
        .Text("department_id", l => l.DepartmentId)
        .TimestampTz("created_at", l => l.CreatedAt);

    public static readonly CopyTable<AccountTenant> Tenants = new CopyTable<AccountTenant>("account_tenants")
        .Text("user_pool_id", l => l.UserPoolId)
        .Text("account_id", l => l.AccountId)
        .Text("tenant_id", l => l.TenantId)
        .TimestampTz("created_at", l => l.CreatedAt);

    public static readonly CopyTable<OutboxMessage> Outbox = new CopyTable<OutboxMessage>("notification_outbox")
        .Text("user_pool_id", m => m.UserPoolId)
        .Text("id", m => m.Id)
        .Text("account_id", m => m.AccountId)
        .Text("channel", m => m.Channel)
        .Text("template", m => m.Template)
        .Text("lang", m => m.Lang)
        .Text("recipient", m => m.Recipient)
        .Text("phone_country_code", m => m.PhoneCountryCode)
        .Text("app_id", m => m.AppId)
        .Text("protected_password", m => m.ProtectedPassword)
        .Text("status", m => m.Status)
        .Integer("attempts", m => m.Attempts)
        .TimestampTz("next_attempt_at", m => m.NextAttemptAt)
        .TimestampTz("created_at", m => m.CreatedAt);

    public static IEnumerable<AccountDepartment> DepartmentLinks(IEnumerable<AccountDraft> drafts) =>
        drafts.SelectMany(d => d.DepartmentIds.Select(id => new AccountDepartment
        {
            UserPoolId = d.Account.UserPoolId, AccountId = d.Account.Id, DepartmentId = id, CreatedAt = d.Account.CreatedAt,
        }));

    public static IEnumerable<AccountTenant> TenantLinks(IEnumerable<AccountDraft> drafts) =>
        drafts.SelectMany(d => d.TenantIds.Select(id => new AccountTenant
        {
            UserPoolId = d.Account.UserPoolId, AccountId = d.Account.Id, TenantId = id, CreatedAt = d.Account.CreatedAt,
        }));
}
