using FluentValidation;
using FluentValidation.Results;
using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Validation;

namespace UserPool.Api.Accounts.Validation;

/// <summary>
/// The account fields whose only rule is "one line of storable text, not too long", checked in one pass
/// from a table. Every item of every batch runs these; as one rule instead of two dozen rules of two
/// components each, validating a 500-user batch costs a fraction of what it did (measured in the commit).
/// This is the hot-path idiom of docs/validation.md: a Custom rule that reports what the FluentValidation rules would.
/// </summary>
public static class PlainTextFields
{
    private static readonly (string Field, Func<CreateAccountItem, string?> Value, int MaxLength)[] Fields =
    [
        ("externalId", x => x.ExternalId, FieldLimits.ExternalId),
        ("profile", x => x.Profile, FieldLimits.Url),
        ("name", x => x.Name, FieldLimits.PersonName),
        ("nickname", x => x.Nickname, FieldLimits.PersonName),
        ("givenName", x => x.GivenName, FieldLimits.PersonName),
        ("familyName", x => x.FamilyName, FieldLimits.PersonName),
        ("middleName", x => x.MiddleName, FieldLimits.PersonName),
        ("preferredUsername", x => x.PreferredUsername, FieldLimits.PersonName),
        ("address", x => x.Address, FieldLimits.Address),
        ("streetAddress", x => x.StreetAddress, FieldLimits.Address),
        ("formatted", x => x.Formatted, FieldLimits.Address),
        ("country", x => x.Country, FieldLimits.Place),
        ("province", x => x.Province, FieldLimits.Place),
        ("city", x => x.City, FieldLimits.Place),
        ("region", x => x.Region, FieldLimits.Place),
        ("locale", x => x.Locale, FieldLimits.Place),
        ("zoneinfo", x => x.Zoneinfo, FieldLimits.Place),
        ("postalCode", x => x.PostalCode, FieldLimits.PostalCode),
        ("company", x => x.Company, FieldLimits.Company),
        ("browser", x => x.Browser, FieldLimits.Browser),
        ("device", x => x.Device, FieldLimits.Device),
        ("identityNumber", x => x.IdentityNumber, FieldLimits.IdentityNumber),
        ("password", x => x.Password, FieldLimits.PasswordText),
        ("salt", x => x.Salt, FieldLimits.Salt),
    ];

    public static void Check(CreateAccountItem item, ValidationContext<CreateAccountItem> context)
    {
        foreach (var (field, value, maxLength) in Fields)
        {
            if (value(item) is { } text && Failure(field, field, text, maxLength) is { } failure)
            {
                context.AddFailure(failure);
            }
        }
    }

    /// <summary>
    /// A list of ids (departmentIds, tenantIds): each one non-blank line of storable text, not too long. This is what
    /// RuleForEach(...).NotEmpty().SingleLine(...) reported, without the child context it builds per element; as under
    /// CascadeMode.Stop, only the first element that fails is reported ("departmentIds[1]").
    /// </summary>
    public static Action<string[]?, ValidationContext<CreateAccountItem>> EachId(string field, int maxLength) => (ids, context) =>
    {
        for (var i = 0; i < (ids?.Length ?? 0); i++)
        {
            var failure = string.IsNullOrWhiteSpace(ids![i])
                ? new ValidationFailure($"{field}[{i}]", Messages.InvalidFormat(field)) { ErrorCode = ErrorCodes.InvalidFormat }
                : Failure($"{field}[{i}]", field, ids[i], maxLength);
            if (failure is not null)
            {
                context.AddFailure(failure);
                return;
            }
        }
    };

    private static ValidationFailure? Failure(string path, string field, string text, int maxLength) =>
        !TextRules.IsSingleLine(text) ? new ValidationFailure(path, Messages.InvalidText(field)) { ErrorCode = ErrorCodes.InvalidText }
        : text.Length > maxLength ? new ValidationFailure(path, Messages.TooLong(field, maxLength)) { ErrorCode = ErrorCodes.TooLong }
        : null;
}
