using FluentValidation;
using FluentValidation.Results;
using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Validation;

namespace UserPool.Api.Accounts.Keys;

/// <summary>
/// The keys of one item, computed once (the validator reports their refusals, the draft stores them). The pipeline
/// puts them in the validation context; a validator run alone computes them itself.
/// </summary>
public sealed class AccountKeys
{
    private const string ContextKey = nameof(AccountKeys);

    public KeyResult? Email { get; private init; }
    public KeyResult? Username { get; private init; }
    public PhoneResult? Phone { get; private init; }

    /// <summary>A country code sent without a phone (an error of its own): is it at least a country code?</summary>
    public bool CountryCodeWithoutPhoneIsValid { get; private init; } = true;

    public static AccountKeys Of(CreateAccountItem item) => new()
    {
        Email = string.IsNullOrEmpty(item.Email) ? null : KeyNormalizer.Email(item.Email),
        Username = string.IsNullOrEmpty(item.Username) ? null : KeyNormalizer.Username(item.Username),
        Phone = string.IsNullOrEmpty(item.Phone) ? null : KeyNormalizer.Phone(item.Phone, item.PhoneCountryCode),
        CountryCodeWithoutPhoneIsValid = !string.IsNullOrEmpty(item.Phone) || PhoneKey.CountryCode(item.PhoneCountryCode) is not null,
    };

    public ValidationContext<CreateAccountItem> ContextFor(CreateAccountItem item)
    {
        var context = new ValidationContext<CreateAccountItem>(item);
        context.RootContextData[ContextKey] = this;
        return context;
    }

    public static AccountKeys In(ValidationContext<CreateAccountItem> context) =>
        context.RootContextData.TryGetValue(ContextKey, out var keys) ? (AccountKeys)keys : Of(context.InstanceToValidate);

    public static void ReportEmail(CreateAccountItem item, ValidationContext<CreateAccountItem> context) =>
        Report(context, "email", In(context).Email?.Refusal);

    public static void ReportUsername(CreateAccountItem item, ValidationContext<CreateAccountItem> context) =>
        Report(context, "username", In(context).Username?.Refusal);

    public static void ReportPhone(CreateAccountItem item, ValidationContext<CreateAccountItem> context)
    {
        var keys = In(context);
        if (keys.Phone is { IsRefused: true } phone)
        {
            Report(context, phone.RefusedField!, phone.Refusal);
            if (phone.RefusedField == "phoneCountryCode" && !PhoneKey.IsWellFormed(item.Phone!.Trim()))
            {
                // Both parts are wrong: say so for both, as for any two failing fields.
                Report(context, "phone", new KeyRefusal(ErrorCodes.InvalidFormat, KeyMessages.PhoneFormat()));
            }
        }
        else if (!keys.CountryCodeWithoutPhoneIsValid)
        {
            Report(context, "phoneCountryCode", new KeyRefusal(ErrorCodes.InvalidFormat, KeyMessages.CountryCode(item.PhoneCountryCode!.Trim())));
        }
    }

    private static void Report(ValidationContext<CreateAccountItem> context, string field, KeyRefusal? refusal)
    {
        if (refusal is not null)
        {
            context.AddFailure(new ValidationFailure(field, refusal.Message) { ErrorCode = refusal.Code });
        }
    }
}
