using System.Globalization;
using System.Text.Json;
using FluentValidation;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Validation;

/// <summary>The few rule shapes every field is built from, with their codes and texts in one place.</summary>
public static class RuleExtensions
{
    public static IRuleBuilderOptions<T, string?> SingleLine<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.Must(TextRules.IsSingleLine).WithErrorCode(ErrorCodes.InvalidText).WithMessage(_ => Messages.InvalidText("{PropertyName}"))
            .MaximumLength(maxLength).WithErrorCode(ErrorCodes.TooLong).WithMessage(_ => Messages.TooLong("{PropertyName}", maxLength));

    public static IRuleBuilderOptions<T, string?> Format<T>(this IRuleBuilder<T, string?> rule, Func<string, bool> isValid) =>
        rule.Must(value => value is null || isValid(value))
            .WithErrorCode(ErrorCodes.InvalidFormat).WithMessage(_ => Messages.InvalidFormat("{PropertyName}"));

    public static IRuleBuilderOptions<T, string?> OneOf<T>(this IRuleBuilder<T, string?> rule, IReadOnlyCollection<string> allowed) =>
        rule.Must(value => value is null || allowed.Contains(value))
            .WithErrorCode(ErrorCodes.InvalidValue).WithMessage(_ => Messages.OneOf("{PropertyName}", allowed));

    public static IRuleBuilderOptions<T, JsonElement?> JsonObject<T>(this IRuleBuilder<T, JsonElement?> rule) =>
        rule.Must(value => value is not { } v || v.ValueKind is JsonValueKind.Object or JsonValueKind.Null)
            .WithErrorCode(ErrorCodes.InvalidFormat).WithMessage(_ => Messages.InvalidFormat("{PropertyName}"))
            .Must(value => value is not { } v || TextRules.IsStorable(v))
            .WithErrorCode(ErrorCodes.InvalidText).WithMessage(_ => Messages.InvalidText("{PropertyName}"))
            .Must(value => value is not { } v || RawJsonText.RawTextLength(v) <= FieldLimits.JsonObjectBytes)
            .WithErrorCode(ErrorCodes.TooLong).WithMessage(_ => Messages.TooLong("{PropertyName}", FieldLimits.JsonObjectBytes));

    /// <summary>Any JSON value, as long as it can be stored and stays small.</summary>
    public static IRuleBuilderOptions<T, JsonElement?> StorableJson<T>(this IRuleBuilder<T, JsonElement?> rule) =>
        rule.Must(value => value is not { } v || (TextRules.IsStorable(v) && RawJsonText.RawTextLength(v) <= FieldLimits.JsonObjectBytes))
            .WithErrorCode(ErrorCodes.InvalidFormat).WithMessage(_ => Messages.InvalidFormat("{PropertyName}"));

    public static IRuleBuilderOptions<T, TValue?> Absent<T, TValue>(this IRuleBuilder<T, TValue?> rule) =>
        rule.Must(value => value is null)
            .WithErrorCode(ErrorCodes.UnsupportedField).WithMessage(_ => Messages.NotForPublicAccounts("{PropertyName}"));

    public static bool IsAbsoluteHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>A calendar date (2022-06-03) or an ISO 8601 date-time; the spec says date-time, its example is a date.</summary>
    public static bool IsDateOrDateTime(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
        || (value.Length >= 16 && value[4] == '-' && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _));
}
