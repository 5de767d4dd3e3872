using UserPool.Api.Accounts.Contracts;

namespace UserPool.Api.Accounts.Idempotency;

/// <summary>
/// A batch write's Idempotency-Key with the hash of its request and how to render its answer from the accounts written
/// (none for a delete), which the pipeline stores in the batch's own transaction.
/// </summary>
public sealed record IdempotencyTicket(string Key, string RequestHash, Func<IReadOnlyList<AccountView>, string> RenderAnswer);
