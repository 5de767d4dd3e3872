using UserPool.Api.Infrastructure;

namespace UserPool.Api.Accounts.Deletion;

/// <summary>DeleteUsersBatchDto / DeletePublicAccountsBatchDto (the same shape).</summary>
public sealed record DeleteAccountsBatchRequest : StrictJsonObject
{
    /// <summary>What options.userIdType says they are: account ids by default.</summary>
    public IReadOnlyList<string?>? UserIds { get; init; }
    public DeleteAccountsOptions? Options { get; init; }
}

/// <summary>DeleteUsersBatchOptionsDto / DeletePublicAccountsBatchOptionsDto, plus the dryRun extension.</summary>
public sealed record DeleteAccountsOptions : StrictJsonObject
{
    /// <summary>user_id (default), external_id, phone, email, username or identity; sync_relation and custom_field are refused.</summary>
    public string? UserIdType { get; init; }

    /// <summary>Extension: run every check and answer as if deleted, deleting nothing.</summary>
    public bool? DryRun { get; init; }
}
