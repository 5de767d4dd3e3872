using System.Globalization;
using System.Text;
using UserPool.Benchmarks.Profiling;
using UserPool.Benchmarks.Runs;
using UserPool.Benchmarks.Scenarios;

namespace UserPool.Benchmarks.Report;

/// <summary>The scenario table, the hashing limit and the import.</summary>
public sealed partial class MarkdownReport
{
    private void Scenarios()
    {
        Line("## Results");
        Line();
        Line($"The pool held {_results.AccountsBeforeScenarios:N0} accounts when the scenarios began and {_results.AccountsAfterScenarios:N0} at the end. " +
             "users/s is the median of the repetitions (min–max beside it); latencies are per batch, over all repetitions; " +
             "peak RSS is the server's VmHWM during the runs; CPU is seconds per 1,000 users, summed over the runs, of the server process, " +
             "PostgreSQL (postmaster and backends) and the driver (this program: HTTP client, or the baseline's own writing).");
        Line();
        Line("| Scenario | Writer | Batch | Clients | users/s median (min–max) | p50 batch ms | p99 batch ms | Server peak RSS | vs baseline | CPU s / 1k users: server · PostgreSQL · driver |");
        Line("|---|---|---:|---:|---|---:|---:|---:|---:|---|");
        foreach (var (config, runs) in _results.Runs.OrderBy(r => r.Key.Scenario).ThenByDescending(r => r.Key.BatchSize).ThenByDescending(r => r.Key.Clients).ThenBy(r => r.Key.Method))
        {
            var rates = runs.Select(r => r.UsersPerSecond).ToList();
            // Scenario 1 is compared with COPY at the same shape, 3 and 4 with their raw DELETE and UPDATE; plaintext with the hashing limit (below).
            var baselineMethod = config.Scenario switch { 3 => Method.RawDelete, 4 => Method.RawUpdate, _ => Method.Copy };
            var baseline = _results.Of(config with { Method = baselineMethod, Plaintext = false });
            var vsBaseline = baseline.Count > 0 && !config.Plaintext ? Pct(Stats.Median(rates) / Stats.Median(baseline.Select(r => r.UsersPerSecond))) : "–";
            var cpu = runs.Select(r => r.Cpu).Aggregate(Hosting.CpuUsage.None, (a, b) => a.Plus(b));
            var thousands = runs.Sum(r => r.Users) / 1000.0;
            var rss = config.Method == Method.Server ? $"{runs.Max(r => r.ServerPeakRssKb) / 1024.0:N0} MB" : "–";
            Line($"| {ScenarioName(config)} | {Name(config.Method)} | {config.BatchSize} | {config.Clients} | " +
                 $"{N(Stats.Median(rates))} ({N(rates.Min())}–{N(rates.Max())}) | {Stats.Median(runs.SelectMany(r => r.LatenciesMs)):N1} | " +
                 $"{Stats.Percentile(runs.SelectMany(r => r.LatenciesMs), 99):N1} | {rss} | {vsBaseline} | " +
                 $"{cpu.Server / thousands:N2} · {cpu.Postgres / thousands:N2} · {cpu.Driver / thousands:N2} |");
        }

        Line();
    }

    private static string ScenarioName(Config config) =>
        config.Scenario switch { 3 => "3 delete", 4 => "4 update", _ => config.Plaintext ? "2 plaintext" : "1 kept hash" };

    private void HashingTable()
    {
        Line("## The hashing limit");
        Line();
        Line($"Baseline (c) = cores × 1 / (time of one BCrypt hash at work factor {_settings.WorkFactor}), the time measured single-threaded " +
             "in this process (median of several hashes) just before and just after each plaintext run; the run is compared with the mean " +
             "of the two limits. \"All cores at once\" hashes on every core in this process at the same moment, for context: on a shared " +
             "machine it shows what the neighbours leave.");
        Line();
        Line("| Repetition | One hash before / after (ms) | Limit (hashes/s) | All cores at once (hashes/s) | Server, plaintext (users/s) | Share of the limit |");
        Line("|---:|---:|---:|---:|---:|---:|");
        var plain = _results.Of(Plaintext);
        for (var i = 0; i < _results.Hashing.Count; i++)
        {
            var h = _results.Hashing[i];
            var rate = i < plain.Count ? plain[i].UsersPerSecond : double.NaN;
            Line($"| {i + 1} | {h.Before.SingleHashMs:N1} / {h.After.SingleHashMs:N1} | {h.HashesPerSecond:N1} | {h.AllCoresHashesPerSecond:N1} | " +
                 $"{rate:N1} | {Pct(rate / h.HashesPerSecond)} |");
        }

        var ofAvailable = plain.Zip(_results.Hashing, (run, h) => run.UsersPerSecond / h.AllCoresHashesPerSecond).ToList();
        if (ofAvailable.Count > 0)
        {
            Line();
            Line($"Against what all cores at once gave this process around the same runs, the server hashed at {Pct(Stats.Median(ofAvailable))} " +
                 $"(median; {Pct(ofAvailable.Min())}–{Pct(ofAvailable.Max())}).");
        }

        Line();
    }

    private void Import()
    {
        if (_results.Import is not { } import)
        {
            return;
        }

        Line($"## The {import.Run.Users:N0}-user import");
        Line();
        Line($"500-user batches, kept hashes, {_settings.SeedClients} clients, into an empty pool on a freshly started server: " +
             $"{N(import.Run.UsersPerSecond)} users/s ({import.Run.WallSeconds:N0} s), p50 {Stats.Median(import.Run.LatenciesMs):N0} ms, " +
             $"p99 {Stats.Percentile(import.Run.LatenciesMs, 99):N0} ms per batch; {import.AccountsAfter:N0} accounts stored afterwards. " +
             $"Server RSS (VmRSS read after each batch) and the peak (VmHWM):");
        Line();
        Line("| Progress | 10 % | 20 % | 30 % | 40 % | 50 % | 60 % | 70 % | 80 % | 90 % | 100 % | Peak |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var cells = Enumerable.Range(1, 10).Select(d => RssAt(import, d / 10.0)).Select(kb => $"{kb / 1024.0:N0} MB");
        Line($"| Server RSS | {string.Join(" | ", cells)} | {import.Run.ServerPeakRssKb / 1024.0:N0} MB |");
        Line();
    }
}
