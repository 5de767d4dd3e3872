namespace UserPool.Api.Accounts.Pipeline;

/// <summary>
/// Finds items of one batch that share a unique key. The first holder of a key is fine by itself;
/// every later one fails and names it.
/// </summary>
public static class DuplicateDetector
{
    public static void Check(IEnumerable<AccountDraft> drafts, BatchErrors errors)
    {
        var firstHolder = new Dictionary<(UniqueKeyKind, string), int>();
        foreach (var key in drafts.SelectMany(d => d.UniqueKeys()))
        {
            if (!firstHolder.TryAdd((key.Kind, key.Normalized), key.Index) && firstHolder[(key.Kind, key.Normalized)] is var first)
            {
                errors.DuplicateOf(key.Index, key.Field, key.DuplicateMessage(first), first);
            }
        }
    }
}
