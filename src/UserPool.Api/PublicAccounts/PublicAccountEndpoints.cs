using Microsoft.AspNetCore.Http.HttpResults;
using UserPool.Api.Accounts;
using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Accounts.Pipeline;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;
using UserPool.Api.Security;

namespace UserPool.Api.PublicAccounts;

public static class PublicAccountEndpoints
{
    public static RouteGroupBuilder MapPublicAccounts(this RouteGroupBuilder api)
    {
        api.MapPost("/create-public-accounts-batch", CreatePublicAccountsBatch)
            .WithName("createPublicAccountsBatch").WithTags("Public accounts")
            .WithSummary("Create public accounts in batches")
            .WithDescription("Creates 1 to 50 public (shared) accounts as an administrator, all or none. E-mail, phone, username " +
                "and externalId are unique in the user pool, shared with users. An item's own options win over the batch's.");
        api.MapPost("/create-public-account", CreatePublicAccount)
            .WithName("createPublicAccount").WithTags("Public accounts")
            .WithSummary("Create a public account")
            .WithDescription("Creates one public account through the same checks as create-public-accounts-batch.");
        api.MapPublicAccountReads();
        return api;
    }

    private static async Task<Ok<Envelope<IEnumerable<PublicAccountDto>>>> CreatePublicAccountsBatch(
        CreateAccountsBatchRequest? request, CurrentPool pool, CreateAccountsPipeline pipeline, CancellationToken ct)
    {
        var created = await AccountCreation.CreateBatchAsync(pipeline, pool, AccountKind.PublicAccount, request, ct);
        return TypedResults.Ok(Envelope.Success(created.Select(v => new PublicAccountDto(v))));
    }

    private static async Task<Ok<Envelope<PublicAccountDto>>> CreatePublicAccount(
        CreateAccountItem? request, CurrentPool pool, CreateAccountsPipeline pipeline, CancellationToken ct)
    {
        var created = await AccountCreation.CreateOneAsync(pipeline, pool, AccountKind.PublicAccount, request, ct);
        return TypedResults.Ok(Envelope.Success(new PublicAccountDto(created)));
    }
}
