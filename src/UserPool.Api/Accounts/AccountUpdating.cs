using Microsoft.AspNetCore.Http.HttpResults;
using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Accounts.Idempotency;
using UserPool.Api.Accounts.Updating;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;
using UserPool.Api.Observability;
using UserPool.Api.Security;

namespace UserPool.Api.Accounts;

/// <summary>The services every update endpoint needs, bound as one parameter.</summary>
public sealed record AccountUpdateServices(
    HttpContext Http, CurrentPool Pool, UpdateAccountsPipeline Pipeline, IdempotencyStore Idempotency, BatchObserver Batches);

/// <summary>
/// The four update endpoints (users and public accounts, batch and single) are this one call with the kind and the
/// answer's DTO as parameters; a single update is a batch of one whose options are the request's own.
/// </summary>
public static class AccountUpdating
{
    public static Task<Results<Ok<Envelope<IEnumerable<TDto>>>, ContentHttpResult>> UpdateBatchAsync<TDto>(
        AccountUpdateServices services, AccountKind kind, UpdateAccountsBatchRequest? request, Func<AccountView, TDto> toDto) =>
        UpdateAsync(services, request, new UpdateAccountsCommand(services.Pool.Id, kind, request?.List, request?.Options),
            views => Envelope.Success(views.Select(toDto)));

    public static Task<Results<Ok<Envelope<TDto>>, ContentHttpResult>> UpdateOneAsync<TDto>(
        AccountUpdateServices services, AccountKind kind, UpdateAccountItem? item, Func<AccountView, TDto> toDto) =>
        UpdateAsync(services, item, new UpdateAccountsCommand(services.Pool.Id, kind, [item ?? new UpdateAccountItem()], item?.Options, SingleItem: true),
            views => Envelope.Success(toDto(views[0])));

    private static Task<Results<Ok<TAnswer>, ContentHttpResult>> UpdateAsync<TRequest, TAnswer>(
        AccountUpdateServices services, TRequest? request, UpdateAccountsCommand command, Func<IReadOnlyList<AccountView>, TAnswer> answer) =>
        new AccountBatchCall(services.Http, services.Pool, services.Idempotency, services.Batches).RunAsync(
            BatchOperations.Update, command.Kind, request, command.List?.Count ?? 0, dryRun: command.Options?.DryRun == true,
            (ticket, ct) => services.Pipeline.UpdateAsync(command with { Idempotency = ticket }, ct), answer, firstWriterWonStatus: 409);
}
