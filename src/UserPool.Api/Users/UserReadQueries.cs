using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using UserPool.Api.Accounts.Reading;
using UserPool.Api.Infrastructure;
using UserPool.Api.Validation;

namespace UserPool.Api.Users;

/// <summary>getUser's query: always all seven keys from the Node SDK; booleans in any case.</summary>
public sealed record GetUserQuery(
    string? UserId,
    string? UserIdType,
    string? FlatCustomData,
    string? WithCustomData,
    string? WithPost,
    string? WithIdentities,
    string? WithDepartmentIds)
{
    public AccountReadOptions Options() => new(
        WithCustomData: QueryValues.Flag(WithCustomData, "withCustomData"),
        WithIdentities: QueryValues.Flag(WithIdentities, "withIdentities"),
        WithDepartmentIds: QueryValues.Flag(WithDepartmentIds, "withDepartmentIds"),
        WithPost: QueryValues.Flag(WithPost, "withPost"),
        FlatCustomData: QueryValues.Flag(FlatCustomData, "flatCustomData"));
}

/// <summary>
/// getUserBatch's query. The Node SDK repeats <c>userIds[]=</c>; clients that repeat a plain <c>userIds=</c>
/// (Python, Go, Java) are read too.
/// </summary>
public sealed record GetUserBatchQuery(
    [FromQuery(Name = "userIds[]")] string[]? BracketedUserIds,
    [FromQuery(Name = "userIds")] string[]? UserIds,
    string? UserIdType,
    string? WithCustomData,
    string? FlatCustomData,
    string? WithIdentities,
    string? WithDepartmentIds)
{
    public IReadOnlyList<string> AllUserIds() => [.. BracketedUserIds ?? [], .. UserIds ?? []];

    public AccountReadOptions Options() => new(
        WithCustomData: QueryValues.Flag(WithCustomData, "withCustomData"),
        WithIdentities: QueryValues.Flag(WithIdentities, "withIdentities"),
        WithDepartmentIds: QueryValues.Flag(WithDepartmentIds, "withDepartmentIds"),
        FlatCustomData: QueryValues.Flag(FlatCustomData, "flatCustomData"));
}

/// <summary>
/// listUsersLegacy's query, answered as the equivalent list-users request: status is an EQUAL filter and the
/// updatedAt bounds (unix seconds; both seconds included whole) are GREATER/LESSER filters.
/// withUserPasswordExpireTime is ignored.
/// </summary>
public sealed record ListUsersLegacyQuery(
    string? Page,
    string? Limit,
    string? Status,
    string? UpdatedAtStart,
    string? UpdatedAtEnd,
    string? WithCustomData,
    string? WithPost,
    string? WithIdentities,
    string? WithDepartmentIds)
{
    private const long MinUnixSeconds = -62_135_596_800;
    private const long MaxUnixSeconds = 253_402_300_799;

    public ListAccountsRequest ToRequest()
    {
        var filters = new List<AdvancedFilterItem?>();
        if (!string.IsNullOrEmpty(Status))
        {
            filters.Add(new AdvancedFilterItem("status", "EQUAL", JsonSerializer.SerializeToElement(Status)));
        }

        if (UnixMilliseconds(UpdatedAtStart, "updatedAtStart") is { } start)
        {
            filters.Add(new AdvancedFilterItem("updatedAt", "GREATER", JsonSerializer.SerializeToElement(start)));
        }

        if (UnixMilliseconds(UpdatedAtEnd, "updatedAtEnd") is { } end)
        {
            filters.Add(new AdvancedFilterItem("updatedAt", "LESSER", JsonSerializer.SerializeToElement(end + 999)));
        }

        var options = new ListAccountsOptions(
            new PaginationDto(Text(Page), Text(Limit)), Sort: null, FuzzySearchOn: null,
            WithCustomData: QueryValues.Flag(WithCustomData, "withCustomData"),
            WithPost: QueryValues.Flag(WithPost, "withPost"),
            WithIdentities: QueryValues.Flag(WithIdentities, "withIdentities"),
            WithDepartmentIds: QueryValues.Flag(WithDepartmentIds, "withDepartmentIds"),
            FlatCustomData: false);
        return new ListAccountsRequest(null, filters, null, options);
    }

    private static JsonElement? Text(string? value) => string.IsNullOrEmpty(value) ? null : JsonSerializer.SerializeToElement(value);

    private static long? UnixMilliseconds(string? seconds, string parameter) => QueryValues.Integer(seconds, parameter) switch
    {
        null => null,
        >= MinUnixSeconds and <= MaxUnixSeconds and var value => value * 1000,
        _ => throw ApiException.BadRequest(Messages.InvalidFormat(parameter)),
    };
}
