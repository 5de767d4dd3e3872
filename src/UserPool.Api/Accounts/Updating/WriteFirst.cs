using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Accounts.Reading;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Accounts.Updating;

/// <summary>
/// Which update batches are written before their accounts are read (UpdateAccountsPipeline.TryWriteFirstAsync).
/// Measured on 50-account batches, reading the accounts first was a third of PostgreSQL's work for the batch, on top of
/// the UPDATE itself. A batch qualifies when the write alone can tell whether it succeeds: its accounts named by id,
/// each once (an UPDATE joins a repeated id once, and would hide the repetition), no password (hashing and its
/// notifications want the account as stored) and no dry run (which writes nothing).
/// </summary>
internal static class WriteFirst
{
    public static bool Applies(UpdateAccountsCommand command, IReadOnlyList<UpdateAccountItem> items, AccountIdType idType)
    {
        if (command.Options is { DryRun: true } or { AutoGeneratePassword: true } || idType != AccountIdType.UserId
            || items.Any(i => !string.IsNullOrEmpty(i.Password)))
        {
            return false;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        // An id that could name no account (empty, or with a control character PostgreSQL would refuse as text) is the
        // careful way's to report.
        return items.All(i => AccountKey.TryParse(AccountIdType.UserId, i.UserId, "userId", out _, out _) && ids.Add(i.UserId!));
    }

    /// <summary>
    /// The account an item names, before it is read: its id, pool and kind, which is all the patch takes from it when no
    /// password changes (the rest of the patch is what the item sends, and the UPDATE keeps every other column).
    /// </summary>
    public static Account Unread(UpdateAccountsCommand command, UpdateAccountItem item) => new()
    {
        UserPoolId = command.PoolId,
        Id = item.UserId!,
        Kind = command.Kind,
        Status = "",
        WorkStatus = "",
        Gender = "",
        UserSourceType = "",
    };
}
