namespace UserPool.Api.Infrastructure;

/// <summary>
/// Reads the JSON path System.Text.Json reports ("$.list[3].options.foo", "$['a b']") into the form item errors
/// use ("list[3].options.foo", item index 3). The key is client text: it is shortened before it is echoed.
/// </summary>
public static class JsonPaths
{
    public const int MaxKeyLength = 64;

    private const string BatchPrefix = "list[";

    /// <summary>Where a key sits: the field path as errors name it, the text before the key ("list[3]."), the key.</summary>
    public sealed record KeyPath(string Field, string Parent, string Key, int? ItemIndex);

    public static KeyPath Of(string? jsonPath)
    {
        var path = jsonPath is null ? "" : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
        var (parent, key, bracketed) = Split(path);
        var shown = key.Length > MaxKeyLength ? key[..MaxKeyLength] + "…" : key;
        return new KeyPath(bracketed ? $"{parent}['{shown}']" : parent + shown, parent, key, ItemIndex(path));
    }

    /// <summary>"list[3].options.foo" → ("list[3].options.", "foo"); "list[3]['a b']" → ("list[3]", "a b", bracketed).</summary>
    private static (string Parent, string Key, bool Bracketed) Split(string path)
    {
        if (path.EndsWith("']", StringComparison.Ordinal) && OpeningOfLastBracketedKey(path) is >= 0 and var open)
        {
            return (path[..open], path[(open + 2)..^2].Replace("\\'", "'", StringComparison.Ordinal), true);
        }

        var dot = path.LastIndexOf('.');
        return (path[..(dot + 1)], path[(dot + 1)..], false);
    }

    /// <summary>
    /// Where the last bracketed key ("['…']") opens. The key itself may hold "['" (a client can send the key "LIST['"),
    /// but a quote inside it is written escaped (\'), so the opening quote is the nearest unescaped one before the end.
    /// </summary>
    private static int OpeningOfLastBracketedKey(string path)
    {
        for (var quote = path.Length - 3; quote >= 1; quote--)
        {
            if (path[quote] == '\'' && path[quote - 1] != '\\')
            {
                return path[quote - 1] == '[' ? quote - 1 : -1;
            }
        }

        return -1;
    }

    private static int? ItemIndex(string path)
    {
        if (!path.StartsWith(BatchPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var close = path.IndexOf(']', BatchPrefix.Length);
        return close > 0 && int.TryParse(path.AsSpan(BatchPrefix.Length, close - BatchPrefix.Length), out var index) ? index : null;
    }
}
