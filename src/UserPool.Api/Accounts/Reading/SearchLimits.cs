using UserPool.Api.Infrastructure;
using UserPool.Api.Validation;

namespace UserPool.Api.Accounts.Reading;

/// <summary>
/// Lengths of the texts a listing searches with, checked before any query runs. A search text is matched against
/// every row, so its length is work per row: keywords (a substring of short fields) stay short, and a filter value
/// may be as long as the longest text an account field holds (a URL), since a longer one can match nothing.
/// </summary>
internal static class SearchLimits
{
    public const int Keywords = 256;
    public const int FilterText = FieldLimits.Url;

    public static string Checked(string text, string parameter, int max) =>
        text.Length <= max ? text : throw ApiException.BadRequest(Messages.TooLong(parameter, max));
}
