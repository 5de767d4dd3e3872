using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Accounts.Idempotency;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;
using UserPool.Api.Observability;
using UserPool.Api.Security;

namespace UserPool.Api.Accounts;

/// <summary>
/// What every batch write (create, update, delete) does around its pipeline: one log line and the batch metrics
/// (BatchObserver), and the request's Idempotency-Key, which makes a retry answer the first answer without writing again.
/// </summary>
public sealed record AccountBatchCall(HttpContext Http, CurrentPool Pool, IdempotencyStore Idempotency, BatchObserver Batches)
{
    /// <param name="firstWriterWonStatus">
    /// The refusal our write gets when a concurrent request with the same key wrote first: 409 for create and update
    /// (its accounts hold our keys), 404 for delete (it deleted our accounts). Then its stored answer is replayed.
    /// </param>
    public Task<Results<Ok<TAnswer>, ContentHttpResult>> RunAsync<TRequest, TAnswer>(
        string operation, AccountKind kind, TRequest? request, int items, bool dryRun,
        Func<IdempotencyTicket?, CancellationToken, Task<IReadOnlyList<AccountView>>> write,
        Func<IReadOnlyList<AccountView>, TAnswer> answer, int firstWriterWonStatus) =>
        Batches.ObserveAsync(operation, kind, Http, Pool.Id, items, dryRun, () => RunIdempotentAsync(request, write, answer, firstWriterWonStatus));

    private async Task<Results<Ok<TAnswer>, ContentHttpResult>> RunIdempotentAsync<TRequest, TAnswer>(
        TRequest? request, Func<IdempotencyTicket?, CancellationToken, Task<IReadOnlyList<AccountView>>> write,
        Func<IReadOnlyList<AccountView>, TAnswer> answer, int firstWriterWonStatus)
    {
        var ct = Http.RequestAborted;
        var (ticket, replay) = await Idempotency.BeginAsync(Http, Pool.Id, request, views => JsonSerializer.Serialize(answer(views), JsonDefaults.Options));
        if (replay is not null)
        {
            return IdempotencyStore.Replayed(Http, replay);
        }

        try
        {
            var written = await write(ticket, ct);
            return TypedResults.Ok(answer(written));
        }
        catch (Exception exception) when (ticket is not null
            && (exception is IdempotencyRaceException || (exception is ApiException refused && refused.StatusCode == firstWriterWonStatus)))
        {
            // A concurrent request with the same key was written first: answer as it was answered.
            var (_, stored) = await Idempotency.BeginAsync(Http, Pool.Id, request, _ => "");
            if (stored is not null)
            {
                return IdempotencyStore.Replayed(Http, stored);
            }

            if (exception is ApiException)
            {
                throw;
            }

            throw new ApiException(409, $"A request with this {IdempotencyStore.Header} is in progress");
        }
    }
}
