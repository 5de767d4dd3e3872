using System.Collections.Concurrent;
using System.Globalization;

namespace UserPool.Api.Tests.Reliability.Support;

/// <summary>Counts by label, printed as "label n, label n" in descending order: the figures docs/reliability.md quotes.</summary>
public sealed class Tally
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Add(string label) => _counts.AddOrUpdate(label, 1, (_, n) => n + 1);

    public int this[string label] => _counts.GetValueOrDefault(label);

    public int Total => _counts.Values.Sum();

    public override string ToString() => string.Join(", ", _counts
        .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
        .Select(c => $"{c.Key} {c.Value.ToString(CultureInfo.InvariantCulture)}"));
}
