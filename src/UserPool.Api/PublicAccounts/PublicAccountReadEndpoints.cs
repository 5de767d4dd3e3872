using Microsoft.AspNetCore.Http.HttpResults;
using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Accounts.Reading;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;
using UserPool.Api.Security;

namespace UserPool.Api.PublicAccounts;

internal static class PublicAccountReadEndpoints
{
    public static RouteGroupBuilder MapPublicAccountReads(this RouteGroupBuilder api)
    {
        api.MapGet("/get-public-account", GetPublicAccount)
            .WithName("getPublicAccount").WithTags("Public accounts")
            .WithSummary("Get a public account")
            .WithDescription("Finds one public account by userIdType, as get-user finds a user; withCustomData and " +
                "withDepartmentIds add those collections. A user is not a public account.");
        api.MapGet("/get-public-account-batch", GetPublicAccountBatch)
            .WithName("getPublicAccountBatch").WithTags("Public accounts")
            .WithSummary("Get public accounts in batches")
            .WithDescription("Up to 50 public accounts named by repeated userIds[] (or userIds), in the order asked; ids that " +
                "name no public account are left out.");
        api.MapPost("/list-public-accounts", ListPublicAccounts)
            .WithName("listPublicAccounts").WithTags("Public accounts")
            .WithSummary("List public accounts")
            .WithDescription("A page of public accounts with totalCount, filtered, searched and sorted as list-users does. " +
                "An empty body lists the first page.");
        return api;
    }

    private static async Task<Ok<Envelope<PublicAccountDto>>> GetPublicAccount(
        [AsParameters] GetPublicAccountQuery query, CurrentPool pool, AccountReader reader, CancellationToken ct)
    {
        var account = await reader.GetAsync(pool, AccountKind.PublicAccount, query.UserId, query.UserIdType, query.Options(), ct);
        return TypedResults.Ok(Envelope.Success(new PublicAccountDto(account)));
    }

    private static async Task<Ok<Envelope<IEnumerable<PublicAccountDto>>>> GetPublicAccountBatch(
        [AsParameters] GetPublicAccountBatchQuery query, CurrentPool pool, AccountReader reader, CancellationToken ct)
    {
        var accounts = await reader.GetManyAsync(pool, AccountKind.PublicAccount, query.AllUserIds(), query.UserIdType, query.Options(), ct);
        return TypedResults.Ok(Envelope.Success(accounts.Select(v => new PublicAccountDto(v))));
    }

    private static async Task<Ok<Envelope<Paged<PublicAccountDto>>>> ListPublicAccounts(
        ListAccountsRequest? request, CurrentPool pool, AccountReader reader, CancellationToken ct)
    {
        var page = await reader.ListAsync(pool, AccountKind.PublicAccount, request, ct);
        return TypedResults.Ok(Envelope.Success(page.Map(v => new PublicAccountDto(v))));
    }
}
