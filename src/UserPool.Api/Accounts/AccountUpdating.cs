using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Accounts.Idempotency;
using UserPool.Api.Accounts.Updating;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;
using UserPool.Api.Security;

namespace UserPool.Api.Accounts;

/// <summary>The services every update endpoint needs, bound as one parameter.</summary>
public sealed record AccountUpdateServices(
    HttpContext Http, CurrentPool Pool, UpdateAccountsPipeline Pipeline, IdempotencyStore Idempotency);

/// <summary>
/// The four update endpoints (users and public accounts, batch and single) are this one call with the kind and the
/// answer's DTO as parameters; a single update is a batch of one whose options are the request's own.
/// </summary>
public static class AccountUpdating
{
    public static Task<Results<Ok<Envelope<IEnumerable<TDto>>>, ContentHttpResult>> UpdateBatchAsync<TDto>(
        AccountUpdateServices services, AccountKind kind, UpdateAccountsBatchRequest? request, Func<AccountView, TDto> toDto) =>
        AccountCreation.RunIdempotentAsync(services.Http, services.Pool, services.Idempotency, request,
            (ticket, ct) => services.Pipeline.UpdateAsync(
                new UpdateAccountsCommand(services.Pool.Id, kind, request?.List, request?.Options) { Idempotency = ticket }, ct),
            views => Envelope.Success(views.Select(toDto)));

    public static Task<Results<Ok<Envelope<TDto>>, ContentHttpResult>> UpdateOneAsync<TDto>(
        AccountUpdateServices services, AccountKind kind, UpdateAccountItem? item, Func<AccountView, TDto> toDto) =>
        AccountCreation.RunIdempotentAsync(services.Http, services.Pool, services.Idempotency, item,
            (ticket, ct) => services.Pipeline.UpdateAsync(
                new UpdateAccountsCommand(services.Pool.Id, kind, [item ?? new UpdateAccountItem()], item?.Options, SingleItem: true) { Idempotency = ticket }, ct),
            views => Envelope.Success(toDto(views[0])));
}
