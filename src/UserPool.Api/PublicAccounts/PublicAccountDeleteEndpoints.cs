using Microsoft.AspNetCore.Http.HttpResults;
using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Accounts.Deletion;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.PublicAccounts;

internal static class PublicAccountDeleteEndpoints
{
    public static RouteGroupBuilder MapPublicAccountDeletes(this RouteGroupBuilder api)
    {
        api.MapPost("/delete-public-accounts-batch", DeletePublicAccountsBatch)
            .WithName("deletePublicAccountsBatch").WithTags("Public accounts")
            .WithSummary("Delete public accounts in batches")
            .WithDescription("Deletes 1 to 50 public accounts as delete-users-batch deletes users: all or none, named by " +
                "options.userIdType, with their links and unsent notifications, their unique keys freed. An id that names no " +
                "public account (a user is not one) fails the batch with 404 and every such id listed in `errors`. options.dryRun " +
                "and Idempotency-Key work as for users.");
        return api;
    }

    private static Task<Results<Ok<Envelope<IsSuccessDto>>, ContentHttpResult>> DeletePublicAccountsBatch(
        DeleteAccountsBatchRequest? request, [AsParameters] AccountDeletionServices services) =>
        AccountDeletion.DeleteBatchAsync(services, AccountKind.PublicAccount, request);
}
