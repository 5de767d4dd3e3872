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

    public bool IsSelfOrFreed(ExistingHolder holder)
    {
        if (_byIndex[holder.Key.Index].Stored.Id == holder.AccountId)
        {
            return true;
        }

        if (_byAccount.TryGetValue(holder.AccountId, out var other) && other.Moves(holder.Key.Kind))
        {
            // A swap: the holder's key must be cleared before the taker's is written (one UPDATE checks row by row).
            other.GivesUpKeyInBatch = true;
            return true;
        }

        return false;
    }

    public bool IsSelfOrFreedCustomValue(int index, string fieldKey, string holderId) =>
        _byIndex[index].Stored.Id == holderId
        || (_byAccount.TryGetValue(holderId, out var other)
            && other.Item.CustomData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty(fieldKey, out _));
}
