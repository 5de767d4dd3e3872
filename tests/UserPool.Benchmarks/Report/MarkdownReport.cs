using System.Globalization;
using System.Text;
using UserPool.Benchmarks.Profiling;
using UserPool.Benchmarks.Runs;
using UserPool.Benchmarks.Scenarios;

namespace UserPool.Benchmarks.Report;

/// <summary>Writes docs/benchmarks.md from one run's results: goals first, then the figures behind them.</summary>
public sealed class MarkdownReport(BenchSettings settings, Results results, string root)
{
    private static readonly Config Goal1Server = new(1, Method.Server, 500, 2);
    private static readonly Config Goal1Copy = new(1, Method.Copy, 500, 2);
    private static readonly Config Goal1Ef = new(1, Method.EfCore, 500, 2);
    private static readonly Config Plaintext = new(2, Method.Server, 50, 2, Plaintext: true);
    private static readonly Config Small = new(1, Method.Server, 50, 1);
    private static readonly Config SmallCopy = new(1, Method.Copy, 50, 1);

    private readonly StringBuilder _md = new();

    public string Render()
    {
        Line("# Benchmarks");
        Line();
        Line($"> Written by `tests/UserPool.Benchmarks` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: a {(settings.Quick ? "**quick** (sanity-sized, not for quoting)" : "full")} run, " +
             $"{settings.Repetitions} repetitions of every scenario, {results.Duration.TotalMinutes:N1} minutes. Rerun rather than edit.");
        Line();
        HowToRun();
        Goals();
        Scenarios();
        HashingTable();
        Import();
        Profile();
        Analysis();
        Machine();
        return _md.ToString();
    }

    private void HowToRun()
    {
        Line("## How to run");
        Line();
        Line("```sh");
        Line("dotnet run -c Release --project tests/UserPool.Benchmarks            # full run, writes docs/benchmarks.md (≈ 10 min on 2 cores)");
        Line("dotnet run -c Release --project tests/UserPool.Benchmarks -- --quick # small sizes, a sanity check in a few minutes");
        Line("```");
        Line();
        Line("Options (after `--`): `--quick`; `--runs N` repetitions of every scenario (default 7, quick 2); `--out PATH` " +
             "where the report goes (default `docs/benchmarks.md`); `--no-build` to reuse the server already built in `src/UserPool.Api/bin/Release`.");
        Line();
        Line("Needs the .NET 10 SDK and PostgreSQL server binaries (`initdb`, `pg_ctl`, `postgres` on PATH or under /usr/lib/postgresql); no Docker. " +
             "The program builds the server in Release, starts a private PostgreSQL cluster in `.data/bench-postgres` (a fresh database every run), " +
             "starts `src/UserPool.Api/bin/Release/net10.0/UserPool.Api.dll` as its own process (log: `.data/bench/server.log`) and drives it " +
             "over HTTP with a management token. Users are realistic: every common profile field, one identity, two department links and four " +
             "custom-data fields (the departments and fields are defined first). The 100,000-user import runs first and is the pool the " +
             "scenarios write into. Every scenario and its baselines run interleaved, repetition after repetition, so a noisy neighbour " +
             "hits them alike; goals are ratios measured in the same run.");
        Line();
    }

    private void Goals()
    {
        Line("## Goals");
        Line();
        Line("| Goal | Target | Measured | Status |");
        Line("|---|---|---|---|");
        var server = results.MedianUsersPerSecond(Goal1Server);
        var copy = results.MedianUsersPerSecond(Goal1Copy);
        var ef = results.MedianUsersPerSecond(Goal1Ef);
        Goal("Scenario 1, kept hashes, 500-user batches, 2 clients: share of the COPY limit", "≥ 60 %", server / copy, 0.60,
            $"{Pct(server / copy)} ({N(server)} vs {N(copy)} users/s; per repetition {Paired(Goal1Server, Goal1Copy, Pct)})");
        Goal("… and against the naive EF Core path", "≥ 4×", server / ef, 4,
            $"{X(server / ef)} ({N(server)} vs {N(ef)} users/s; per repetition {Paired(Goal1Server, Goal1Ef, X)})");
        var plain = results.MedianUsersPerSecond(Plaintext);
        var limit = results.HashingLimitPerSecond;
        // Each run against the limit measured around it: the neighbours' load moves both together.
        var shares = results.Of(Plaintext).Zip(results.Hashing, (run, h) => run.UsersPerSecond / h.HashesPerSecond).ToList();
        Goal("Scenario 2, plaintext at work factor " + settings.WorkFactor + ", 50-user batches, 2 clients: share of the hashing limit", "≥ 90 %",
            Stats.Median(shares), 0.90, $"{Pct(Stats.Median(shares))} (median of the repetitions' shares, {Pct(shares.DefaultIfEmpty(double.NaN).Min())}–" +
            $"{Pct(shares.DefaultIfEmpty(double.NaN).Max())}; server {plain:N1} users/s, limit {limit:N1}/s, medians)");
        if (results.Import is { } import)
        {
            var peakMb = import.Run.ServerPeakRssKb / 1024.0;
            Line($"| Import of {import.Run.Users:N0} users in 500-user batches: server peak RSS | ≤ 300 MB | {peakMb:N0} MB | {Status(peakMb <= 300)} |");
            var (early, late, growth) = Flatness(import);
            Line($"| … flat from the first 10 % to the end (median RSS of the last tenth ≤ 110 % of the second tenth's) | ≤ +10 % | " +
                 $"{growth:+0.0;-0.0} % ({early:N0} → {late:N0} MB) | {Status(growth <= 10)} |");
        }

        var p99 = results.PercentileLatency(Small, 99);
        var copyP99 = results.PercentileLatency(SmallCopy, 99);
        Goal("A 50-user kept-hash batch (1 client): p99 latency against its COPY baseline's p99", "≤ 3×", copyP99 / p99, 1 / 3.0,
            $"{X(p99 / copyP99)} ({p99:N1} vs {copyP99:N1} ms)");
        Line();
    }

    private void Goal(string name, string target, double ratio, double threshold, string measured) =>
        Line($"| {name} | {target} | {measured} | {Status(ratio >= threshold)} |");

    private void Scenarios()
    {
        Line("## Results");
        Line();
        Line($"The pool held {results.AccountsBeforeScenarios:N0} accounts when the scenarios began and {results.AccountsAfterScenarios:N0} at the end. " +
             "users/s is the median of the repetitions (min–max beside it); latencies are per batch, over all repetitions; " +
             "peak RSS is the server's VmHWM during the runs; CPU is seconds per 1,000 users, summed over the runs, of the server process, " +
             "PostgreSQL (postmaster and backends) and the driver (this program: HTTP client, or the baseline's own writing).");
        Line();
        Line("| Scenario | Writer | Batch | Clients | users/s median (min–max) | p50 batch ms | p99 batch ms | Server peak RSS | vs COPY | CPU s / 1k users: server · PostgreSQL · driver |");
        Line("|---|---|---:|---:|---|---:|---:|---:|---:|---|");
        foreach (var (config, runs) in results.Runs.OrderBy(r => r.Key.Scenario).ThenByDescending(r => r.Key.BatchSize).ThenByDescending(r => r.Key.Clients).ThenBy(r => r.Key.Method))
        {
            var rates = runs.Select(r => r.UsersPerSecond).ToList();
            var copy = results.Of(config with { Method = Method.Copy, Plaintext = false, Scenario = 1 });
            var vsCopy = copy.Count > 0 && !config.Plaintext ? Pct(Stats.Median(rates) / Stats.Median(copy.Select(r => r.UsersPerSecond))) : "–";
            var cpu = runs.Select(r => r.Cpu).Aggregate(Hosting.CpuUsage.None, (a, b) => a.Plus(b));
            var thousands = runs.Sum(r => r.Users) / 1000.0;
            var rss = config.Method == Method.Server ? $"{runs.Max(r => r.ServerPeakRssKb) / 1024.0:N0} MB" : "–";
            Line($"| {(config.Plaintext ? "2 plaintext" : "1 kept hash")} | {Name(config.Method)} | {config.BatchSize} | {config.Clients} | " +
                 $"{N(Stats.Median(rates))} ({N(rates.Min())}–{N(rates.Max())}) | {Stats.Median(runs.SelectMany(r => r.LatenciesMs)):N1} | " +
                 $"{Stats.Percentile(runs.SelectMany(r => r.LatenciesMs), 99):N1} | {rss} | {vsCopy} | " +
                 $"{cpu.Server / thousands:N2} · {cpu.Postgres / thousands:N2} · {cpu.Driver / thousands:N2} |");
        }

        Line();
    }

    private void HashingTable()
    {
        Line("## The hashing limit");
        Line();
        Line($"Baseline (c) = cores × 1 / (time of one BCrypt hash at work factor {settings.WorkFactor}), the time measured single-threaded " +
             "in this process (median of several hashes) just before and just after each plaintext run; the run is compared with the mean " +
             "of the two limits. \"All cores at once\" hashes on every core in this process at the same moment, for context: on a shared " +
             "machine it shows what the neighbours leave.");
        Line();
        Line("| Repetition | One hash before / after (ms) | Limit (hashes/s) | All cores at once (hashes/s) | Server, plaintext (users/s) | Share of the limit |");
        Line("|---:|---:|---:|---:|---:|---:|");
        var plain = results.Of(Plaintext);
        for (var i = 0; i < results.Hashing.Count; i++)
        {
            var h = results.Hashing[i];
            var rate = i < plain.Count ? plain[i].UsersPerSecond : double.NaN;
            Line($"| {i + 1} | {h.Before.SingleHashMs:N1} / {h.After.SingleHashMs:N1} | {h.HashesPerSecond:N1} | {h.AllCoresHashesPerSecond:N1} | " +
                 $"{rate:N1} | {Pct(rate / h.HashesPerSecond)} |");
        }

        var ofAvailable = plain.Zip(results.Hashing, (run, h) => run.UsersPerSecond / h.AllCoresHashesPerSecond).ToList();
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
        if (results.Import is not { } import)
        {
            return;
        }

        Line($"## The {import.Run.Users:N0}-user import");
        Line();
        Line($"500-user batches, kept hashes, {settings.SeedClients} clients, into an empty pool on a freshly started server: " +
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

    private void Profile()
    {
        Line("## Where the time goes");
        Line();
        if (results.ProfileKept500 is not { } kept || results.ProfilePlaintext50 is not { } plain)
        {
            return;
        }

        Line("Measured after the import, before the scenarios, one batch at a time. First from outside, against the server: " +
             "the same shape of batch sent in full, with `dryRun` (every check and the answer, nothing written) and with one " +
             "item over the limit (refused right after the body is read and parsed), medians in milliseconds:");
        Line();
        Line("| 500 users, kept hashes, 1 client | ms | what the difference holds |");
        Line("|---|---:|---|");
        Line($"| refused after parsing (501 items) | {kept.RefusedAfterParseMs:N1} | HTTP in both directions, token authentication, reading and parsing the body |");
        Line($"| dryRun | {kept.DryRunMs:N1} | + {kept.DryRunMs - kept.RefusedAfterParseMs:N1} ms: validation, drafts, lookups, serializing and sending the answer |");
        Line($"| full create | {kept.EndToEndMs:N1} | + {kept.EndToEndMs - kept.DryRunMs:N1} ms: COPY of accounts, identities and links, commit |");
        Line();
        Line("Then inside: the create pipeline's stages called in the benchmark process one after the other on the same database " +
             "and pool, a stopwatch around each (median; the process is warmed up first, but on a busy machine these figures run " +
             "higher than the server's, so read them as shares). In the server, hashing runs on its own threads while the lookups " +
             "and the conflict query run; here each is timed alone so it can be attributed. With kept hashes nothing hashes, and the " +
             "conflict query is not waited for: the write goes first and the query only names the conflicts of a write a unique " +
             "index refused.");
        Line();
        Line("| Stage | 500 users, kept hashes (ms) | share | 50 users, plaintext (ms) | share |");
        Line("|---|---:|---:|---:|---:|");
        for (var s = 0; s < StageProfile.Stages.Length; s++)
        {
            var (k, p) = (StageProfile.CriticalPath(kept.Stages, false), StageProfile.CriticalPath(plain.Stages, true));
            var keptShare = StageProfile.Stages[s] == StageProfile.ConflictStage ? "not waited for" : Pct(kept.Stages[s] / k);
            Line($"| {StageProfile.Stages[s]} | {kept.Stages[s]:N1} | {keptShare} | {plain.Stages[s]:N1} | {Pct(plain.Stages[s] / p)} |");
        }

        Line($"| **sum of the stages a batch waits for** | **{StageProfile.CriticalPath(kept.Stages, false):N1}** | | " +
             $"**{StageProfile.CriticalPath(plain.Stages, true):N1}** | |");
        Line($"| the same batch over HTTP (median) | {kept.EndToEndMs:N1} | | {plain.EndToEndMs:N1} | |");
        var loneCopy = results.Of(new Config(1, Method.Copy, 500, 1));
        if (loneCopy.Count > 0)
        {
            Line($"| COPY baseline, 500 users, 1 client (scenario 1, median) | {Stats.Median(loneCopy.SelectMany(r => r.LatenciesMs)):N1} | | | |");
        }

        Line();
    }

    private void Analysis()
    {
        using var stream = typeof(MarkdownReport).Assembly.GetManifestResourceStream("Analysis.md");
        if (stream is null)
        {
            return;
        }

        Line(new StreamReader(stream).ReadToEnd().TrimEnd());
        Line();
    }

    private void Machine()
    {
        Line("## Machine, versions, settings");
        Line();
        Line("| | |");
        Line("|---|---|");
        foreach (var (name, value) in MachineInfo.Describe(root))
        {
            Line($"| {name} | {value} |");
        }

        Line($"| Load average (1, 5, 15 min) | at start {results.LoadAverageAtStart}; at end {results.LoadAverageAtEnd} |");
        foreach (var (name, value) in results.Postgres)
        {
            Line($"| PostgreSQL {name} | {value} |");
        }

        Line($"| Server settings (environment) | {string.Join(", ", results.ServerSettings.Select(s => $"`{s.Key}={s.Value}`"))}; everything else as in appsettings.json |");
        Line($"| Sizes | import {settings.SeedAccounts:N0}; per run {settings.UsersPerLargeRun:N0} users (500-user batches), {settings.UsersPerSmallRun:N0} (50-user batches), " +
             $"{settings.PlaintextUsersPerRun:N0} (plaintext); {settings.Repetitions} repetitions; EF Core runs at 500 × 2 only |");
        Line();
    }

    private (double EarlyMb, double LateMb, double GrowthPercent) Flatness(ImportResult import)
    {
        var total = import.Run.Users;
        double MedianMb(double from, double to) =>
            Stats.Median(import.RssTrace.Where(t => t.Users > from * total && t.Users <= to * total).Select(t => t.RssKb / 1024.0));
        var early = MedianMb(0.1, 0.2);
        var late = MedianMb(0.9, 1.0);
        return (early, late, (late - early) / early * 100);
    }

    private static long RssAt(ImportResult import, double fraction) =>
        import.RssTrace.FirstOrDefault(t => t.Users >= fraction * import.Run.Users, import.RssTrace.LastOrDefault()).RssKb;

    private string Paired(Config a, Config b, Func<double, string> format)
    {
        var ratios = results.Of(a).Zip(results.Of(b), (x, y) => x.UsersPerSecond / y.UsersPerSecond).ToList();
        return ratios.Count == 0 ? "–" : $"{format(ratios.Min())}–{format(ratios.Max())}";
    }

    private static string Name(Method method) => method switch
    {
        Method.Server => "**server** (HTTP)",
        Method.Copy => "COPY baseline",
        _ => "EF Core baseline",
    };

    private static string Status(bool met) => met ? "✅ met" : "❌ not met";
    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
    private static string Pct(double ratio) => double.IsNaN(ratio) ? "–" : (ratio * 100).ToString("N0", CultureInfo.InvariantCulture) + " %";
    private static string X(double ratio) => ratio.ToString("N2", CultureInfo.InvariantCulture) + "×";

    private void Line(string text = "") => _md.Append(text).Append('\n');
}
