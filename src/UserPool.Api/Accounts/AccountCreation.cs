using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Accounts.Idempotency;
using UserPool.Api.Accounts.Pipeline;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;
using UserPool.Api.Observability;
using UserPool.Api.Security;

namespace UserPool.Api.Accounts;

/// <summary>The services every create endpoint needs, bound as one parameter.</summary>
public sealed record AccountCreationServices(
    HttpContext Http, CurrentPool Pool, CreateAccountsPipeline Pipeline, IdempotencyStore Idempotency, BatchObserver Batches);

/// <summary>
/// The four create endpoints (users and public accounts, batch and single) are this one call with the kind
/// and the answer's DTO as parameters. A single create is a batch of one whose top-level options are the
/// item's options. An Idempotency-Key makes a retry answer the first answer without creating anything.
/// </summary>
public static class AccountCreation
{
    public static Task<Results<Ok<Envelope<IEnumerable<TDto>>>, ContentHttpResult>> CreateBatchAsync<TDto>(
        AccountCreationServices services, AccountKind kind, CreateAccountsBatchRequest? request, Func<AccountView, TDto> toDto) =>
        CreateAsync(services, request, new CreateAccountsCommand(services.Pool.Id, kind, request?.List, request?.Options),
            views => Envelope.Success(views.Select(toDto)));

    public static Task<Results<Ok<Envelope<TDto>>, ContentHttpResult>> CreateOneAsync<TDto>(
        AccountCreationServices services, AccountKind kind, CreateAccountItem? item, Func<AccountView, TDto> toDto) =>
        CreateAsync(services, item, new CreateAccountsCommand(services.Pool.Id, kind, [item ?? new CreateAccountItem()], item?.Options, SingleItem: true),
            views => Envelope.Success(toDto(views[0])));

    /// <summary>Every create batch is observed here: one log line and the batch metrics, whatever its outcome.</summary>
    private static Task<Results<Ok<TAnswer>, ContentHttpResult>> CreateAsync<TRequest, TAnswer>(
        AccountCreationServices services, TRequest? request, CreateAccountsCommand command, Func<IReadOnlyList<AccountView>, TAnswer> answer) =>
        services.Batches.ObserveAsync(BatchOperations.Create, command.Kind, services.Http, services.Pool.Id, command.List?.Count ?? 0,
            dryRun: command.Options?.DryRun == true,
            () => RunIdempotentAsync(services.Http, services.Pool, services.Idempotency, request,
                (ticket, ct) => services.Pipeline.CreateAsync(command with { Idempotency = ticket }, ct), answer));

    /// <summary>Runs a batch write under the request's Idempotency-Key (create and update share it).</summary>
    internal static async Task<Results<Ok<TAnswer>, ContentHttpResult>> RunIdempotentAsync<TRequest, TAnswer>(
        HttpContext http, CurrentPool pool, IdempotencyStore idempotency, TRequest? request,
        Func<IdempotencyTicket?, CancellationToken, Task<IReadOnlyList<AccountView>>> write, Func<IReadOnlyList<AccountView>, TAnswer> answer)
    {
        var services = (Http: http, Pool: pool, Idempotency: idempotency);
        var ct = services.Http.RequestAborted;
        var (ticket, replay) = await services.Idempotency.BeginAsync(services.Http, services.Pool.Id, request,
            views => JsonSerializer.Serialize(answer(views), JsonDefaults.Options));
        if (replay is not null)
        {
            return Replayed(services.Http, replay);
        }

        try
        {
            var written = await write(ticket, ct);
            return TypedResults.Ok(answer(written));
        }
        catch (Exception exception) when (ticket is not null && exception is IdempotencyRaceException or ApiException { StatusCode: 409 })
        {
            // A concurrent request with the same key was written first (its accounts now conflict with ours):
            // answer as it was answered.
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
