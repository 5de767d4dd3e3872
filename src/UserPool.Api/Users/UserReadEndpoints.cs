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
        api.MapGet("/get-user-batch", GetUserBatch)
            .WithName("getUserBatch").WithTags("Users")
            .WithSummary("Get users in batches")
            .WithDescription("Up to 50 users named by repeated userIds[] (or userIds) and one userIdType, in the order asked; ids " +
                "that name no user (a public account is not one) are left out, an id asked twice is answered once. The with… " +
                "flags and flatCustomData work as in get-user.");
        api.MapPost("/is-user-exists", IsUserExists)
            .WithName("isUserExists").WithTags("Users")
            .WithSummary("Check whether a user exists")
            .WithDescription("Whether one user has every field given: username and email (case-insensitive, by their unique " +
                "keys), phone (without its country code: under any code; with phoneCountryCode, an extension: under that code) " +
                "and externalId. At least one is needed. Public accounts are not users.");
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
        var user = await reader.GetAsync(pool, AccountKind.User, query.UserId, query.UserIdType, query.Options(), ct);
        return TypedResults.Ok(Envelope.Success(new UserDto(user)));
    }

    private static async Task<Ok<Envelope<IEnumerable<UserDto>>>> GetUserBatch(
        [AsParameters] GetUserBatchQuery query, CurrentPool pool, AccountReader reader, CancellationToken ct)
    {
        var users = await reader.GetManyAsync(pool, AccountKind.User, query.AllUserIds(), query.UserIdType, query.Options(), ct);
        return TypedResults.Ok(Envelope.Success(users.Select(v => new UserDto(v))));
    }

    private static async Task<Ok<Envelope<IsUserExistsDto>>> IsUserExists(
        IsUserExistsRequest? request, CurrentPool pool, AccountReader reader, CancellationToken ct)
    {
        var conditions = (request ?? new IsUserExistsRequest()).Conditions();
        var exists = await reader.ExistsAsync(pool, AccountKind.User, conditions, ct);
        return TypedResults.Ok(Envelope.Success(new IsUserExistsDto(exists)));
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
