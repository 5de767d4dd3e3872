using Microsoft.AspNetCore.Http.HttpResults;
using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Accounts.Idempotency;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;
using UserPool.Api.Observability;
using UserPool.Api.Security;

namespace UserPool.Api.Accounts.Deletion;

/// <summary>The services every delete endpoint needs, bound as one parameter.</summary>
public sealed record AccountDeletionServices(HttpContext Http, CurrentPool Pool, DeleteAccountsPipeline Pipeline, IdempotencyStore Idempotency, BatchObserver Batches);

/// <summary>
/// Both batch deletes are this one call with the kind as a parameter. The answer is Authing's IsSuccessRespDto. An
/// Idempotency-Key makes a retry (after a timeout, say) answer the first answer instead of "not found" for the
/// accounts the first attempt deleted.
/// </summary>
public static class AccountDeletion
{
    private static readonly Envelope<IsSuccessDto> Deleted = Envelope.Success(new IsSuccessDto(true));

    public static Task<Results<Ok<Envelope<IsSuccessDto>>, ContentHttpResult>> DeleteBatchAsync(
        AccountDeletionServices services, AccountKind kind, DeleteAccountsBatchRequest? request) =>
        new AccountBatchCall(services.Http, services.Pool, services.Idempotency, services.Batches).RunAsync(
            BatchOperations.Delete, kind, request, request?.UserIds?.Count ?? 0, dryRun: request?.Options?.DryRun == true,
            async (ticket, ct) =>
            {
                await services.Pipeline.DeleteAsync(services.Pool.Id, kind, request, ticket, ct);
                return [];
            },
            _ => Deleted, firstWriterWonStatus: 404);
}
