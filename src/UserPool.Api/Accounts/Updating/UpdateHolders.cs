using System.Text.Json;
using UserPool.Api.Accounts.Pipeline;

namespace UserPool.Api.Accounts.Updating;

/// <summary>
/// Which stored holders of a batch's keys are no conflict: the account itself (it keeps a key it already has), and
/// another account of the batch that gives the key up in the same write. Two items taking one key are still refused
/// (DuplicateDetector), so a swap of e-mails inside one batch works, while taking a key from an account outside the
/// batch is refused naming it.
/// </summary>
internal sealed class UpdateHolders(IReadOnlyList<UpdateDraft> batch)
{
    private readonly Dictionary<int, UpdateDraft> _byIndex = batch.ToDictionary(u => u.Draft.Index);
    private readonly Dictionary<string, UpdateDraft> _byAccount = batch.ToDictionary(u => u.Stored.Id, StringComparer.Ordinal);

    public bool IsSelfOrFreed(ExistingHolder holder) =>
        _byIndex[holder.Key.Index].Stored.Id == holder.AccountId
        || (_byAccount.TryGetValue(holder.AccountId, out var other) && other.Moves(holder.Key.Kind));

    /// <summary>
    /// Marks the accounts that give a key to another item (a swap or a chain), from the batch alone: an item's new key
    /// that another item's account holds now and moves away. Their keys are cleared before the batch's values are
    /// written (one UPDATE checks a unique index row by row). No query is needed: the accounts were read, and a key
    /// held outside the batch is the unique index's to refuse and the checks' to name afterwards.
    /// </summary>
    public static void MarkKeysGivenUp(IReadOnlyList<UpdateDraft> batch)
    {
        var holders = new Dictionary<(UniqueKeyKind, string), UpdateDraft>();
        foreach (var update in batch)
        {
            update.GivesUpKeyInBatch = false;
            foreach (var kind in Enum.GetValues<UniqueKeyKind>())
            {
                if (UniqueKey.HeldBy(update.Stored, kind) is { } key)
                {
                    holders.TryAdd((kind, key), update);
                }
            }
        }

        foreach (var update in batch)
        {
            foreach (var key in update.Draft.UniqueKeys())
            {
                if (holders.TryGetValue((key.Kind, key.Normalized), out var holder) && holder != update && holder.Moves(key.Kind))
                {
                    holder.GivesUpKeyInBatch = true;
                }
            }
        }
    }

    public bool IsSelfOrFreedCustomValue(int index, string fieldKey, string holderId) =>
        _byIndex[index].Stored.Id == holderId
        || (_byAccount.TryGetValue(holderId, out var other)
            && other.Item.CustomData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty(fieldKey, out _));
}
