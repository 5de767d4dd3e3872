using OpenTelemetry.Metrics;

namespace UserPool.Api.Tests.Observability;

/// <summary>Reads exported metric snapshots: the points of one instrument, their labels, their totals.</summary>
public static class MetricPoints
{
    public static IReadOnlyList<MetricPoint> Of(IReadOnlyList<MetricSnapshot> metrics, string name) =>
        metrics.Where(m => m.Name == name).SelectMany(m => m.MetricPoints).ToList();

    public static Dictionary<string, object?> Labels(MetricPoint point)
    {
        var labels = new Dictionary<string, object?>();
        foreach (var tag in point.Tags)
        {
            labels[tag.Key] = tag.Value;
        }

        return labels;
    }

    /// <summary>Counter sums or histogram counts of the points whose labels include every pair of <paramref name="labels"/>.</summary>
    public static double Total(IReadOnlyList<MetricSnapshot> metrics, string name, params (string Key, string Value)[] labels)
    {
        double total = 0;
        foreach (var snapshot in metrics.Where(m => m.Name == name))
        {
            foreach (var point in snapshot.MetricPoints.Where(p => Matches(p, labels)))
            {
                total += snapshot.MetricType switch
                {
                    MetricType.LongSum => point.GetSumLong(),
                    MetricType.DoubleSum => point.GetSumDouble(),
                    MetricType.Histogram or MetricType.ExponentialHistogram => point.GetHistogramCount(),
                    MetricType.LongGauge => point.GetGaugeLastValueLong(),
                    MetricType.DoubleGauge => point.GetGaugeLastValueDouble(),
                    _ => throw new NotSupportedException(snapshot.MetricType.ToString()),
                };
            }
        }

        return total;
    }

    public static bool Matches(MetricPoint point, (string Key, string Value)[] labels)
    {
        var actual = Labels(point);
        return labels.All(l => actual.TryGetValue(l.Key, out var value) && Equals(value?.ToString(), l.Value));
    }
}
