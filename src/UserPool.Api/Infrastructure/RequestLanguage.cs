namespace UserPool.Api.Infrastructure;

/// <summary>
/// The language of answers, from x-authing-lang (zh-CN default, or en-US), as the SDKs send it.
/// Kept in an AsyncLocal so validators and templates deep in a request can pick their text.
/// </summary>
public static class RequestLanguage
{
    public const string Header = "x-authing-lang";
    public const string Chinese = "zh-CN";
    public const string English = "en-US";

    private static readonly AsyncLocal<string?> CurrentLanguage = new();

    public static string Current => CurrentLanguage.Value ?? Chinese;

    public static bool IsEnglish => Current == English;

    /// <summary>Picks the text for the request's language.</summary>
    public static string Pick(string chinese, string english) => IsEnglish ? english : chinese;

    public static string Normalize(string? header) =>
        header?.Trim().StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? English : Chinese;

    public static IApplicationBuilder UseRequestLanguage(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            CurrentLanguage.Value = Normalize(context.Request.Headers[Header]);
            return next(context);
        });
}
