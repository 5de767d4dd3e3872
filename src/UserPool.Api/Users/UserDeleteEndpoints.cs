using Microsoft.AspNetCore.Http.HttpResults;
using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Accounts.Deletion;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Users;

internal static class UserDeleteEndpoints
{
    public static RouteGroupBuilder MapUserDeletes(this RouteGroupBuilder api)
    {
        api.MapPost("/delete-users-batch", DeleteUsersBatch)
            .WithName("deleteUsersBatch").WithTags("Users")
            .WithSummary("Delete users in batches")
            .WithDescription("Deletes 1 to 50 users named by options.userIdType (user_id by default; external_id, phone, email, " +
                "username, identity), all or none, with their identities, department and tenant links, unique custom-field values " +
                "and unsent notifications; their e-mail, phone, username and externalId are free again at once. An id that names " +
                "no user (a public account is not one) fails the batch with 404 (apiCode 2004) and every such id listed in " +
                "`errors`; the same user named twice is a 400. options.dryRun checks without deleting; an Idempotency-Key makes " +
                "retries answer the first answer.");
        return api;
    }

    private static Task<Results<Ok<Envelope<IsSuccessDto>>, ContentHttpResult>> DeleteUsersBatch(
        DeleteAccountsBatchRequest? request, [AsParameters] AccountDeletionServices services) =>
        AccountDeletion.DeleteBatchAsync(services, AccountKind.User, request);
}
