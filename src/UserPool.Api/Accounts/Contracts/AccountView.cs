using System.Text.Json;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Accounts.Contracts;

/// <summary>
/// A stored account with the collections an answer asked for; a null collection is one not asked for
/// (withCustomData/withIdentities/withDepartmentIds false) and is answered as null.
/// </summary>
public sealed record AccountView(
    Account Account,
    IReadOnlyList<string>? DepartmentIds,
    IReadOnlyList<AccountIdentity>? Identities,
    RawJson? CustomData)
{
    /// <summary>A dryRun answer: everything as it would be created, but no ids (nothing was written).</summary>
    public bool IsDryRun { get; init; }

    /// <summary>Whether postIdList is answered (withPost); creation answers always carry it.</summary>
    public bool WithPostIds { get; init; } = true;

    /// <summary>
    /// flatCustomData: custom data entries also written at the top level of the answer. The reader leaves out
    /// keys that name a built-in field, so a custom value never overrides one.
    /// </summary>
    public IReadOnlyDictionary<string, JsonElement>? FlatCustomData { get; init; }
}
