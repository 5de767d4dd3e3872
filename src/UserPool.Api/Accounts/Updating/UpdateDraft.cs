using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Accounts.Pipeline;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Accounts.Updating;

/// <summary>
/// One item of an update on its way to the database. <see cref="Draft"/> is the create pipeline's draft whose account
/// holds only the values sent (null = unchanged), so the create steps (passwords, duplicates in the batch, conflicts,
/// custom-field promises) see exactly the keys and values that change. <see cref="Stored"/> is the account as read.
/// </summary>
public sealed class UpdateDraft
{
    public required UpdateAccountItem Item { get; init; }
    public required AccountDraft Draft { get; init; }
    public required Account Stored { get; init; }
    public Account Patch => Draft.Account;

    /// <summary>resetPasswordOnNextLogin as sent (null: unchanged).</summary>
    public bool? ResetPasswordOnNextLogin { get; init; }

    /// <summary>
    /// Whether another item of the batch takes a key this account holds now: then its moved keys are cleared before the
    /// batch's values are written (a swap or a chain). Set by <see cref="UpdateHolders.MarkKeysGivenUp"/> from the accounts as read.
    /// </summary>
    public bool GivesUpKeyInBatch { get; set; }

    /// <summary>Whether the item moves a key of this kind (to a value that may be its present one).</summary>
    public bool Moves(UniqueKeyKind kind) => UniqueKey.HeldBy(Patch, kind) is not null;
}
