using Microsoft.AspNetCore.Mvc;
using UserPool.Api.Accounts.Reading;
using UserPool.Api.Validation;

namespace UserPool.Api.PublicAccounts;

/// <summary>getPublicAccount's query: exactly these four keys from the Node SDK.</summary>
public sealed record GetPublicAccountQuery(string? UserId, string? UserIdType, string? WithCustomData, string? WithDepartmentIds)
{
    public AccountReadOptions Options() => PublicAccountReadOptions.From(WithCustomData, WithDepartmentIds);
}

/// <summary>
/// getPublicAccountBatch's query. The Node SDK repeats <c>userIds[]=</c>; clients that repeat a plain
/// <c>userIds=</c> (Python, Go, Java) are read too.
/// </summary>
public sealed record GetPublicAccountBatchQuery(
    [FromQuery(Name = "userIds[]")] string[]? BracketedUserIds,
    [FromQuery(Name = "userIds")] string[]? UserIds,
    string? UserIdType,
    string? WithCustomData,
    string? WithDepartmentIds)
{
    public IReadOnlyList<string> AllUserIds() => [.. BracketedUserIds ?? [], .. UserIds ?? []];

    public AccountReadOptions Options() => PublicAccountReadOptions.From(WithCustomData, WithDepartmentIds);
}

internal static class PublicAccountReadOptions
{
    public static AccountReadOptions From(string? withCustomData, string? withDepartmentIds) => new(
        WithCustomData: QueryValues.Flag(withCustomData, "withCustomData"),
        WithDepartmentIds: QueryValues.Flag(withDepartmentIds, "withDepartmentIds"));
}
