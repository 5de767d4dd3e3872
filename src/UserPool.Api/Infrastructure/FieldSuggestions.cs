namespace UserPool.Api.Infrastructure;

/// <summary>
/// "Did you mean …?" for an unknown key: the known field nearest by edit distance, compared without case, when it
/// is near enough to be a slip (at most a third of the key's length, and never more than three edits). Written
/// here rather than taken from a package: it is a dozen lines over a few dozen names of at most 64 characters.
/// </summary>
public static class FieldSuggestions
{
    private const int MaxEdits = 3;

    public static string? Nearest(string key, IEnumerable<string> known)
    {
        if (key.Length is 0 or > JsonPaths.MaxKeyLength)
        {
            return null;
        }

        var limit = Math.Clamp(key.Length / 3, 1, MaxEdits);
        string? best = null;
        var bestDistance = limit + 1;
        foreach (var name in known)
        {
            var distance = Distance(key.ToLowerInvariant(), name.ToLowerInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (name, distance);
            }
        }

        return best;
    }

    /// <summary>Levenshtein distance, two rows.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
