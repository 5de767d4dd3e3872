using Microsoft.AspNetCore.Http.HttpResults;
using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Accounts.Reading;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;
using UserPool.Api.Security;

namespace UserPool.Api.Users;

internal static class UserReadEndpoints
{
    public static RouteGroupBuilder MapUserReads(this RouteGroupBuilder api)
    {
        api.MapGet("/get-user", GetUser)
            .WithName("getUser").WithTags("Users")
            .WithSummary("Get a user")
            .WithDescription("Finds one user by userIdType: user_id (default), external_id, phone (separators ignored; any country " +
                "code unless written with +, +86 preferred), email or username (case-insensitive), or identity " +
                "(`<extIdpId>:<userIdInIdp>`). with… flags add customData, identities, departmentIds and postIdList; " +
                "flatCustomData also copies custom data to the top level. A public account is not a user.");
        api.MapPost("/list-users", ListUsers)
            .WithName("listUsers").WithTags("Users")
            .WithSummary("List users")
            .WithDescription("A page (page ≥ 1, limit 1..50, default 10) of users, newest first unless options.sort says otherwise, " +
                "with totalCount. keywords match any fuzzySearchOn field case-insensitively; advancedFilter items are ANDed " +
                "(EQUAL, NOT_EQUAL, CONTAINS, NOT_CONTAINS, IS_NULL, NOT_NULL, IN, GREATER, LESSER, BETWEEN; bounds included). " +
                "searchQuery is not supported.");
        api.MapGet("/list-users", ListUsersLegacy)
            .WithName("listUsersLegacy").WithTags("Users")
            .WithSummary("List users (deprecated query form)")
            .WithDescription("The older GET form of list-users: page, limit, status, updatedAtStart/updatedAtEnd (unix seconds, " +
                "included) and the with… flags.");
        return api;
    }

    private static async Task<Ok<Envelope<UserDto>>> GetUser(
        [AsParameters] GetUserQuery query, CurrentPool pool, AccountReader reader, CancellationToken ct)
    {
        var key = AccountReadRequests.Key(query.UserId, query.UserIdType);
        var user = await reader.GetAsync(pool, AccountKind.User, key, query.Options(), ct);
        return TypedResults.Ok(Envelope.Success(new UserDto(user)));
    }

    private static async Task<Ok<Envelope<Paged<UserDto>>>> ListUsers(
        ListAccountsRequest? request, CurrentPool pool, AccountReader reader, CancellationToken ct)
    {
        var page = await reader.ListAsync(pool, AccountKind.User, request, ct);
        return TypedResults.Ok(Envelope.Success(page.Map(v => new UserDto(v))));
    }

    private static async Task<Ok<Envelope<Paged<UserDto>>>> ListUsersLegacy(
        [AsParameters] ListUsersLegacyQuery query, CurrentPool pool, AccountReader reader, CancellationToken ct)
    {
        var page = await reader.ListAsync(pool, AccountKind.User, query.ToRequest(), ct);
        return TypedResults.Ok(Envelope.Success(page.Map(v => new UserDto(v))));
    }
}
