using System.Text.Json;
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
        services.Batches.ObserveAsync(BatchOperations.Delete, kind, services.Http, services.Pool.Id, request?.UserIds?.Count ?? 0,
            dryRun: request?.Options?.DryRun == true, () => DeleteOrReplayAsync(services, kind, request));

    private static async Task<Results<Ok<Envelope<IsSuccessDto>>, ContentHttpResult>> DeleteOrReplayAsync(
        AccountDeletionServices services, AccountKind kind, DeleteAccountsBatchRequest? request)
    {
        var answer = JsonSerializer.Serialize(Deleted, JsonDefaults.Options);
        var (ticket, replay) = await services.Idempotency.BeginAsync(services.Http, services.Pool.Id, request, _ => answer);
        if (replay is not null)
        {
            return Replayed(services.Http, replay);
        }

        try
        {
            await services.Pipeline.DeleteAsync(services.Pool.Id, kind, request, ticket, answer, services.Http.RequestAborted);
            return TypedResults.Ok(Deleted);
        }
        catch (Exception exception) when (ticket is not null && exception is IdempotencyRaceException or ApiException { StatusCode: 404 })
        {
            // A concurrent request with the same key deleted these accounts first: answer as it was answered.
            var (_, stored) = await services.Idempotency.BeginAsync(services.Http, services.Pool.Id, request, _ => "");
            if (stored is not null)
            {
                return Replayed(services.Http, stored);
            }

            if (exception is ApiException)
            {
                throw;
            }

            throw new ApiException(409, $"A request with this {IdempotencyStore.Header} is in progress");
        }
    }

    private static ContentHttpResult Replayed(HttpContext http, string answer) => IdempotencyStore.Replayed(http, answer);
}
