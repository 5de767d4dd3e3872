using System.Linq.Expressions;
using UserPool.Api.Accounts.Keys;
using UserPool.Api.Data.Entities;
using UserPool.Api.Validation;

namespace UserPool.Api.Accounts.Reading;

/// <summary>
/// The fields advancedFilter accepts: the SDK's documented list where this server stores the field, plus the
/// date and counter fields the sort list names. Custom fields and loggedInApps are not filterable here.
/// </summary>
internal static class FilterFields
{
    public static readonly string[] UserSourceTypes = ["excel", "register", "adminCreated", "sync"];
    public static readonly string[] WorkStatuses = ["Closed", "Active"];

    private static readonly Dictionary<string, FilterField> ByName = new FilterField[]
    {
        new TextField("id", a => a.Id),
        new TextField("email", a => a.Email, new KeyComparison(a => a.EmailKey, KeyNormalizer.EmailKeyOrNull)),
        new TextField("username", a => a.Username, new KeyComparison(a => a.UsernameKey, KeyNormalizer.UsernameKeyOrNull)),
        new TextField("phone", a => a.Phone),
        new TextField("phoneCountryCode", a => a.PhoneCountryCode),
        new TextField("externalId", a => a.ExternalId),
        new TextField("name", a => a.Name),
        new TextField("nickname", a => a.Nickname),
        new TextField("givenName", a => a.GivenName),
        new TextField("familyName", a => a.FamilyName),
        new TextField("middleName", a => a.MiddleName),
        new TextField("preferredUsername", a => a.PreferredUsername),
        new TextField("profile", a => a.Profile),
        new TextField("website", a => a.Website),
        new TextField("birthdate", a => a.Birthdate),
        new TextField("country", a => a.Country),
        new TextField("province", a => a.Province),
        new TextField("city", a => a.City),
        new TextField("region", a => a.Region),
        new TextField("address", a => a.Address),
        new TextField("streetAddress", a => a.StreetAddress),
        new TextField("postalCode", a => a.PostalCode),
        new TextField("formatted", a => a.Formatted),
        new TextField("company", a => a.Company),
        new TextField("zoneinfo", a => a.Zoneinfo),
        new TextField("locale", a => a.Locale),
        new TextField("identityNumber", a => a.IdentityNumber),
        new TextField("lastIp", a => a.LastIp),
        new TextField("lastLoginApp", a => a.LastLoginApp),
        new TextField("mainDepartmentId", a => a.MainDepartmentId),
        new TextField("tenantId", a => a.TenantId),
        new TextField("status", a => a.Status, canonical: v => OneOf(Enums.Statuses, v)),
        new TextField("workStatus", a => a.WorkStatus, canonical: v => OneOf(WorkStatuses, v)),
        new TextField("gender", a => a.Gender, canonical: Gender),
        new TextField("userSourceType", a => a.UserSourceType, canonical: v => OneOf(UserSourceTypes, v)),
        new TextField("userSource", a => a.UserSourceType, canonical: v => OneOf(UserSourceTypes, v)),
        Date("createdAt", a => a.CreatedAt),
        Date("updatedAt", a => a.UpdatedAt),
        Date("statusChangedAt", a => a.StatusChangedAt),
        Date("lastLogin", a => a.LastLogin),
        Date("lastMfaTime", a => a.LastMfaTime),
        Date("passwordLastSetAt", a => a.PasswordLastSetAt),
        Date("signedUp", a => a.SignedUp),
        Number("loginsCount", a => a.LoginsCount),
        Number("passwordSecurityLevel", a => a.PasswordSecurityLevel),
        new FlagField("emailVerified", a => a.EmailVerified),
        new FlagField("phoneVerified", a => a.PhoneVerified),
        new FlagField("resetPasswordOnNextLogin", a => a.ResetPasswordOnNextLogin),
        new DepartmentField("department"),
    }.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    public static FilterField? Find(string name) => ByName.GetValueOrDefault(name);

    private static string? OneOf(string[] allowed, string value) =>
        allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));

    /// <summary>The seed's W is stored as F, so it finds F.</summary>
    private static string? Gender(string value) => OneOf(Enums.Genders, value) is "W" ? "F" : OneOf(Enums.Genders, value);

    private static RangeField<DateTime> Date(string name, Expression<Func<Account, DateTime?>> selector) =>
        new(name, selector, (values, value) => values.DateOf(value));

    private static RangeField<int> Number(string name, Expression<Func<Account, int?>> selector) =>
        new(name, selector, (values, value) => values.NumberOf(value));
}
