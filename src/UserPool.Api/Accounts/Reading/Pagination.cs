using System.Text.Json;
using UserPool.Api.Infrastructure;
using UserPool.Api.Validation;

namespace UserPool.Api.Accounts.Reading;

/// <summary>A page of a listing: page from 1, limit 1..50 (default 10), with the SDK's exact texts.</summary>
public sealed record Pagination(int Page, int Limit)
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 50;

    public int Offset => (Page - 1) * Limit;

    /// <summary>From the query string (listUsersLegacy) or from PaginationDto's raw numbers.</summary>
    public static Pagination Parse(string? page, string? limit)
    {
        var pageNumber = QueryValues.Integer(page, "page") ?? 1;
        if (pageNumber < 1)
        {
            throw ApiException.BadRequest(Messages.InvalidFormat("page"));
        }

        var pageSize = QueryValues.Integer(limit, "limit") ?? DefaultLimit;
        if (pageSize < 1)
        {
            throw ApiException.BadRequest(Messages.InvalidFormat("limit"));
        }

        if (pageSize > MaxLimit)
        {
            throw ApiException.BadRequest(ReadMessages.LimitTooLarge);
        }

        // A page whose first row lies beyond what an offset can address is refused, not overflowed.
        return pageNumber - 1 > int.MaxValue / pageSize
            ? throw ApiException.BadRequest(Messages.InvalidFormat("page"))
            : new Pagination((int)pageNumber, (int)pageSize);
    }

    public static Pagination Parse(JsonElement? page, JsonElement? limit) => Parse(Token(page), Token(limit));

    /// <summary>A JSON number or numeric string as its text; anything else as text that fails to parse.</summary>
    private static string? Token(JsonElement? value) => value switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.Number } number => number.GetRawText(),
        { ValueKind: JsonValueKind.String } text => text.GetString() is { Length: > 0 } s ? s : "-",
        _ => "-",
    };
}
