using Microsoft.AspNetCore.Http.HttpResults;
using UserPool.Api.Accounts;
using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.PublicAccounts;

public static class PublicAccountEndpoints
{
    public static RouteGroupBuilder MapPublicAccounts(this RouteGroupBuilder api)
    {
        api.MapPost("/create-public-accounts-batch", CreatePublicAccountsBatch)
            .WithName("createPublicAccountsBatch").WithTags("Public accounts")
            .WithSummary("Create public accounts in batches")
            .WithDescription("Creates 1 to 50 public (shared) accounts as an administrator, all or none. E-mail, phone, username " +
                "and externalId are unique in the user pool, shared with users. An item's own options win over the batch's. " +
                "An Idempotency-Key header makes retries safe.");
        api.MapPost("/create-public-account", CreatePublicAccount)
            .WithName("createPublicAccount").WithTags("Public accounts")
            .WithSummary("Create a public account")
            .WithDescription("Creates one public account through the same checks as create-public-accounts-batch.");
        api.MapPost("/update-public-account", UpdatePublicAccount)
            .WithName("updatePublicAccount").WithTags("Public accounts")
            .WithSummary("Update a public account")
            .WithDescription("Changes the fields sent of the public account that userId names, through the same checks as update-user " +
                "(a user is not a public account: naming one answers not found).");
        api.MapPost("/update-public-account-batch", UpdatePublicAccountBatch)
            .WithName("updatePublicAccountBatch").WithTags("Public accounts")
            .WithSummary("Update public accounts in batches")
            .WithDescription("Updates 1 to 50 public accounts by user id, all or none, through the same checks as update-public-account.");
        api.MapPublicAccountReads();
        api.MapPublicAccountDeletes();
        return api;
    }

    private static Task<Results<Ok<Envelope<IEnumerable<PublicAccountDto>>>, ContentHttpResult>> CreatePublicAccountsBatch(
        CreateAccountsBatchRequest? request, [AsParameters] AccountCreationServices services) =>
        AccountCreation.CreateBatchAsync(services, AccountKind.PublicAccount, request, view => new PublicAccountDto(view));

    private static Task<Results<Ok<Envelope<PublicAccountDto>>, ContentHttpResult>> UpdatePublicAccount(
        UpdateAccountItem? request, [AsParameters] AccountUpdateServices services) =>
        AccountUpdating.UpdateOneAsync(services, AccountKind.PublicAccount, request, view => new PublicAccountDto(view));

    private static Task<Results<Ok<Envelope<IEnumerable<PublicAccountDto>>>, ContentHttpResult>> UpdatePublicAccountBatch(
        UpdateAccountsBatchRequest? request, [AsParameters] AccountUpdateServices services) =>
        AccountUpdating.UpdateBatchAsync(services, AccountKind.PublicAccount, request, view => new PublicAccountDto(view));

    private static Task<Results<Ok<Envelope<PublicAccountDto>>, ContentHttpResult>> CreatePublicAccount(
        CreateAccountItem? request, [AsParameters] AccountCreationServices services) =>
        AccountCreation.CreateOneAsync(services, AccountKind.PublicAccount, request, view => new PublicAccountDto(view));
}
