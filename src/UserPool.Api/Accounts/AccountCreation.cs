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
        new AccountBatchCall(services.Http, services.Pool, services.Idempotency, services.Batches).RunAsync(
            BatchOperations.Create, command.Kind, request, command.List?.Count ?? 0, dryRun: command.Options?.DryRun == true,
            (ticket, ct) => services.Pipeline.CreateAsync(command with { Idempotency = ticket }, ct), answer, firstWriterWonStatus: 409);
}
