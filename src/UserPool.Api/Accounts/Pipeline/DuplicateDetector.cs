namespace UserPool.Api.Accounts.Pipeline;

/// <summary>
/// Finds items of one batch that share a unique key. The first holder of a key is fine by itself;
/// every later one fails and names it.
/// </summary>
public static class DuplicateDetector
{
    public static void Check(IReadOnlyList<AccountDraft> drafts, BatchErrors errors)
    {
        // Sized for an e-mail, a phone, a username and an identity per item, so a 500-item batch does not regrow it.
        var firstHolder = new Dictionary<(UniqueKeyKind, string), int>(4 * drafts.Count);
        foreach (var key in drafts.SelectMany(d => d.UniqueKeys()))
        {
            if (!firstHolder.TryAdd((key.Kind, key.Normalized), key.Index) && firstHolder[(key.Kind, key.Normalized)] is var first)
            {
                errors.DuplicateOf(key.Index, key.Field, key.DuplicateMessage(first), first);
            }
        }
    }
}
