using UserPool.Benchmarks.Profiling;
using UserPool.Benchmarks.Runs;

namespace UserPool.Benchmarks.Scenarios;

public enum Method
{
    Server,
    Copy,
    EfCore,
    /// <summary>Scenario 3's baseline: DELETE … WHERE id = ANY(…) straight into PostgreSQL.</summary>
    RawDelete,
    /// <summary>Scenario 4's baseline: UPDATE accounts … FROM unnest(…) straight into PostgreSQL.</summary>
    RawUpdate,
}

/// <summary>A measured configuration: who writes (the server or a baseline), how big the batches are, how many clients.</summary>
public sealed record Config(int Scenario, Method Method, int BatchSize, int Clients, bool Plaintext = false);

public sealed record ImportResult(RunResult Run, IReadOnlyList<(int Users, long RssKb)> RssTrace, long AccountsAfter);

/// <summary>Everything one benchmark run measured, for the report.</summary>
public sealed class Results
{
    public Dictionary<Config, List<RunResult>> Runs { get; } = [];
    public List<HashingLimit.Bracket> Hashing { get; } = [];
    public ImportResult? Import { get; set; }
    public ProfileResult? ProfileKept500 { get; set; }
    public ProfileResult? ProfileKept50 { get; set; }
    public ProfileResult? ProfilePlaintext50 { get; set; }
    public long AccountsBeforeScenarios { get; set; }
    public long AccountsAfterScenarios { get; set; }
    public IReadOnlyList<(string Name, string Value)> Postgres { get; set; } = [];
    public IReadOnlyDictionary<string, string> ServerSettings { get; set; } = new Dictionary<string, string>();
    public string? LoadAverageAtStart { get; set; }
    public string? LoadAverageAtEnd { get; set; }
    public TimeSpan Duration { get; set; }

    public void Add(Config config, RunResult run)
    {
        if (!Runs.TryGetValue(config, out var list))
        {
            Runs[config] = list = [];
        }

        list.Add(run);
    }

    public IReadOnlyList<RunResult> Of(Config config) => Runs.TryGetValue(config, out var list) ? list : [];

    public double MedianUsersPerSecond(Config config) => Stats.Median(Of(config).Select(r => r.UsersPerSecond));

    public double PercentileLatency(Config config, double percent) => Stats.Percentile(Of(config).SelectMany(r => r.LatenciesMs), percent);

    public double HashingLimitPerSecond => Stats.Median(Hashing.Select(h => h.HashesPerSecond));
}
