using System.Globalization;
using System.Text;
using UserPool.Benchmarks.Profiling;
using UserPool.Benchmarks.Runs;
using UserPool.Benchmarks.Scenarios;

namespace UserPool.Benchmarks.Report;

/// <summary>Writes docs/benchmarks.md from one run's results: goals first, then the figures behind them.</summary>
public sealed partial class MarkdownReport(BenchSettings settings, Results results, string root)
{
    private readonly BenchSettings _settings = settings;
    private readonly Results _results = results;
    private readonly string _root = root;
    private static readonly Config Goal1Server = new(1, Method.Server, 500, 2);
    private static readonly Config Goal1Copy = new(1, Method.Copy, 500, 2);
    private static readonly Config Goal1Ef = new(1, Method.EfCore, 500, 2);
    private static readonly Config SmallPairServer = new(1, Method.Server, 50, 2);
    private static readonly Config SmallPairCopy = new(1, Method.Copy, 50, 2);
    private static readonly Config Plaintext = new(2, Method.Server, 50, 2, Plaintext: true);
    private static readonly Config Small = new(1, Method.Server, 50, 1);
    private static readonly Config SmallCopy = new(1, Method.Copy, 50, 1);
    private static readonly Config DeleteServer = new(3, Method.Server, 50, 2);
    private static readonly Config DeleteRaw = new(3, Method.RawDelete, 50, 2);
    private static readonly Config UpdateServer = new(4, Method.Server, 50, 2);
    private static readonly Config UpdateRaw = new(4, Method.RawUpdate, 50, 2);

    private readonly StringBuilder _md = new();

    public string Render()
    {
        Line("# Benchmarks");
        Line();
        Line($"> Written by `tests/UserPool.Benchmarks` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: a {(_settings.Quick ? "**quick** (sanity-sized, not for quoting)" : "full")} run, " +
             $"{_settings.Repetitions} repetitions of every scenario, {_results.Duration.TotalMinutes:N1} minutes. Rerun rather than edit.");
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
        Line("dotnet run -c Release --project tests/UserPool.Benchmarks            # full run, writes docs/benchmarks.md (5–10 min on 2 cores)");
        Line("dotnet run -c Release --project tests/UserPool.Benchmarks -- --quick # small sizes, a sanity check in a few minutes");
        Line("```");
        Line();
        Line("Options (after `--`): `--quick`; `--runs N` repetitions of every scenario (default 7, quick 2); `--out PATH` " +
             "where the report goes (default `docs/benchmarks.md`); `--no-build` to reuse the server already built in `src/UserPool.Api/bin/Release`; " +
             "`--focus` to try a change: only the first goal's shape, the server against COPY with 30,000 users a run, printed, no report; " +
             "`--deletes` likewise for scenario 3 alone (`--deletes-per-run N`, default 5,000), `--updates` for scenario 4 alone " +
             "(`--updates-per-run N`, default 10,000). Scenario 3 writes the accounts it deletes by COPY " +
             "first (not measured), with their identity and department links, then deletes them in 50-user batches: the server by " +
             "delete-users-batch (ids checked, one DELETE in a transaction that commits only if every id was there, else the ids are looked " +
             "up to name the missing; cascades) against one raw `DELETE … WHERE id = ANY(…)` per batch. " +
             "Scenario 4 picks accounts the server created (kept hashes, canonical keys; at random, so the changes land all over the indexes) " +
             "and gives each a fresh e-mail, phone, username, nickname, city, company, profile and two custom-data fields in 50-account batches: " +
             "the server by update-user-batch (every change validated, keys canonicalised, custom fields looked up and locked, one UPDATE … " +
             "FROM unnest … RETURNING the rows it answers; the unique indexes refuse a taken key, and a refused batch is read first and checked " +
             "against the pool) against one raw `UPDATE accounts … FROM unnest(…)` per batch setting the same " +
             "columns, the canonical key columns included (computed by the server's key normalizer before the run). No password is sent: an " +
             "update's password is always a plaintext to hash, which scenario 2 measures. Every update and delete run starts and ends with " +
             "`VACUUM (ANALYZE) accounts`, so no method meets another's dead rows or autovacuum.");
        Line();
        Line("Needs the .NET 10 SDK and PostgreSQL server binaries (`initdb`, `pg_ctl`, `postgres` on PATH or under /usr/lib/postgresql); no Docker. " +
             "The program builds the server in Release, starts a private PostgreSQL cluster in `.data/bench-postgres` (a fresh database every run), " +
             "starts `src/UserPool.Api/bin/Release/net10.0/UserPool.Api.dll` as its own process (log: `.data/bench/server.log`) and drives it " +
             "over HTTP with a management token. Users are realistic: every common profile field, one identity, two department links and four " +
             "custom-data fields (the departments and fields are defined first). The 100,000-user import runs first and is the pool the " +
             "scenarios write into. Every scenario and its baselines run interleaved, repetition after repetition, so a noisy neighbour " +
             "hits them alike; goals are ratios measured in the same run. The server and COPY take turns going first and EF Core always " +
             "runs after both, so neither of the two compared at every shape is more often the one that inherits the WAL and dirty pages " +
             "of EF Core's three-times-heavier writing. Checkpoints come as PostgreSQL's settings bring them, as in a real import.");
        Line();
    }

    private void Goals()
    {
        Line("## Goals");
        Line();
        Line("| Goal | Target | Measured | Status |");
        Line("|---|---|---|---|");
        var server = _results.MedianUsersPerSecond(Goal1Server);
        var copy = _results.MedianUsersPerSecond(Goal1Copy);
        var ef = _results.MedianUsersPerSecond(Goal1Ef);
        var small = _results.MedianUsersPerSecond(SmallPairServer);
        var smallCopy = _results.MedianUsersPerSecond(SmallPairCopy);
        Goal("Scenario 1, kept hashes, 50-user batches (the size clients send by default), 2 clients: share of the COPY limit", "≥ 70 %",
            small / smallCopy, 0.70, $"{Pct(small / smallCopy)} ({N(small)} vs {N(smallCopy)} users/s; per repetition {Paired(SmallPairServer, SmallPairCopy, Pct)})");
        Goal("… and at 500-user batches (80 % the stretch)", "≥ 60 %", server / copy, 0.60,
            $"{Pct(server / copy)} ({N(server)} vs {N(copy)} users/s; per repetition {Paired(Goal1Server, Goal1Copy, Pct)})");
        Goal("… at 500-user batches against the naive EF Core path", "≥ 4×", server / ef, 4,
            $"{X(server / ef)} ({N(server)} vs {N(ef)} users/s; per repetition {Paired(Goal1Server, Goal1Ef, X)})");
        var plain = _results.MedianUsersPerSecond(Plaintext);
        var limit = _results.HashingLimitPerSecond;
        // Each run against the limit measured around it: the neighbours' load moves both together.
        var shares = _results.Of(Plaintext).Zip(_results.Hashing, (run, h) => run.UsersPerSecond / h.HashesPerSecond).ToList();
        Goal("Scenario 2, plaintext at work factor " + _settings.WorkFactor + ", 50-user batches, 2 clients: share of the hashing limit", "≥ 90 %",
            Stats.Median(shares), 0.90, $"{Pct(Stats.Median(shares))} (median of the repetitions' shares, {Pct(shares.DefaultIfEmpty(double.NaN).Min())}–" +
            $"{Pct(shares.DefaultIfEmpty(double.NaN).Max())}; server {plain:N1} users/s, limit {limit:N1}/s, medians)");
        if (_results.Import is { } import)
        {
            var peakMb = import.Run.ServerPeakRssKb / 1024.0;
            Line($"| Import of {import.Run.Users:N0} users in 500-user batches: server peak RSS | ≤ 200 MB | {peakMb:N0} MB | {Status(peakMb <= 200)} |");
            var (early, late, growth) = Flatness(import);
            Line($"| … flat from the first 10 % to the end (median RSS of the last tenth ≤ 110 % of the second tenth's) | ≤ +10 % | " +
                 $"{growth:+0.0;-0.0} % ({early:N0} → {late:N0} MB) | {Status(growth <= 10)} |");
        }

        var deletes = _results.MedianUsersPerSecond(DeleteServer);
        var rawDeletes = _results.MedianUsersPerSecond(DeleteRaw);
        Goal("Scenario 3, delete-users-batch of 50 users (2 clients): share of `DELETE … WHERE id = ANY(…)`", "≥ 50 %", deletes / rawDeletes, 0.50,
            $"{Pct(deletes / rawDeletes)} ({N(deletes)} vs {N(rawDeletes)} accounts/s; per repetition {Paired(DeleteServer, DeleteRaw, Pct)}; " +
            $"p99 {_results.PercentileLatency(DeleteServer, 99):N1} vs {_results.PercentileLatency(DeleteRaw, 99):N1} ms)");
        var updates = _results.MedianUsersPerSecond(UpdateServer);
        var rawUpdates = _results.MedianUsersPerSecond(UpdateRaw);
        Goal("Scenario 4, update-user-batch of 50 kept-hash accounts (2 clients): share of `UPDATE … FROM unnest(…)`", "≥ 50 %", updates / rawUpdates, 0.50,
            $"{Pct(updates / rawUpdates)} ({N(updates)} vs {N(rawUpdates)} accounts/s; per repetition {Paired(UpdateServer, UpdateRaw, Pct)}; " +
            $"p99 {_results.PercentileLatency(UpdateServer, 99):N1} vs {_results.PercentileLatency(UpdateRaw, 99):N1} ms)");
        var p99 = _results.PercentileLatency(Small, 99);
        var copyP99 = _results.PercentileLatency(SmallCopy, 99);
        Goal("A 50-user kept-hash batch (1 client): p99 latency against its COPY baseline's p99", "≤ 2×", copyP99 / p99, 1 / 2.0,
            $"{X(p99 / copyP99)} ({p99:N1} vs {copyP99:N1} ms)");
        Line();
    }

    private void Goal(string name, string target, double ratio, double threshold, string measured) =>
        Line($"| {name} | {target} | {measured} | {Status(ratio >= threshold)} |");

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
        var ratios = _results.Of(a).Zip(_results.Of(b), (x, y) => x.UsersPerSecond / y.UsersPerSecond).ToList();
        return ratios.Count == 0 ? "–" : $"{format(ratios.Min())}–{format(ratios.Max())}";
    }

    private static string Name(Method method) => method switch
    {
        Method.Server => "**server** (HTTP)",
        Method.Copy => "COPY baseline",
        Method.RawDelete => "DELETE = ANY baseline",
        Method.RawUpdate => "UPDATE … FROM unnest baseline",
        _ => "EF Core baseline",
    };

    private static string Status(bool met) => met ? "✅ met" : "❌ not met";
    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
    private static string Pct(double ratio) => double.IsNaN(ratio) ? "–" : (ratio * 100).ToString("N0", CultureInfo.InvariantCulture) + " %";
    private static string X(double ratio) => ratio.ToString("N2", CultureInfo.InvariantCulture) + "×";

    private void Line(string text = "") => _md.Append(text).Append('\n');
}
