using System.Globalization;
using System.Text;
using UserPool.Benchmarks.Profiling;
using UserPool.Benchmarks.Runs;
using UserPool.Benchmarks.Scenarios;

namespace UserPool.Benchmarks.Report;

/// <summary>Where the time goes, the hand-written analysis, and the machine.</summary>
public sealed partial class MarkdownReport
{
    private void Profile()
    {
        Line("## Where the time goes");
        Line();
        if (_results is not { ProfileKept500: { } kept, ProfileKept50: { } small, ProfilePlaintext50: { } plain })
        {
            return;
        }

        Line("Measured after the import, before the scenarios, one batch at a time. First from outside, against the server: " +
             "the same shape of batch sent in full, with `dryRun` and with an unknown option after the list, medians in milliseconds:");
        Line();
        Line("| Kept hashes, 1 client | 500 users (ms) | 50 users (ms) | what it holds |");
        Line("|---|---:|---:|---|");
        Line($"| refused after parsing (an unknown option after the list) | {kept.RefusedAfterParseMs:N1} | {small.RefusedAfterParseMs:N1} | " +
             "HTTP both ways, token authentication, reading and parsing the body |");
        Line($"| dryRun | {kept.DryRunMs:N1} | {small.DryRunMs:N1} | the above, validation, drafts, reference lookups, the conflict query " +
             "(a dry run looks for conflicts first, a kept-hash create does not), serializing and sending the answer; no write |");
        Line($"| full create | {kept.EndToEndMs:N1} | {small.EndToEndMs:N1} | the above without the conflict query, plus the COPY of " +
             "accounts, identities and links and the commit |");
        // Two sizes, one straight line t = fixed + users × per-user: what a request costs whatever its size.
        var perUser = (kept.EndToEndMs - small.EndToEndMs) / 450;
        var fixedCost = small.EndToEndMs - 50 * perUser;
        Line();
        Line($"Read as a straight line through the two full creates, a request costs {fixedCost:N1} ms plus {perUser * 1000:N0} µs per user: " +
             $"at 50 users the fixed part is {Pct(fixedCost / small.EndToEndMs)} of the batch, at 500 {Pct(fixedCost / kept.EndToEndMs)}.");
        Line();
        Line("Then inside: the create pipeline's stages called in the benchmark process one after the other on the same database " +
             "and pool, a stopwatch around each (median; the process is warmed up first, but on a busy machine these figures run " +
             "higher than the server's, so read them as shares). In the server, hashing runs on its own threads while the lookups " +
             "and the conflict query run; here each is timed alone so it can be attributed. With kept hashes nothing hashes, and the " +
             "conflict query is not waited for: the write goes first and the query only names the conflicts of a write a unique " +
             "index refused.");
        Line();
        Line("| Stage | 500 users, kept hashes (ms) | share | 50 users, kept hashes (ms) | share | 50 users, plaintext (ms) | share |");
        Line("|---|---:|---:|---:|---:|---:|---:|");
        var (k, m, p) = (StageProfile.CriticalPath(kept.Stages, false), StageProfile.CriticalPath(small.Stages, false),
            StageProfile.CriticalPath(plain.Stages, true));
        for (var s = 0; s < StageProfile.Stages.Length; s++)
        {
            var notWaited = StageProfile.Stages[s] == StageProfile.ConflictStage;
            Line($"| {StageProfile.Stages[s]} | {kept.Stages[s]:N1} | {(notWaited ? "not waited for" : Pct(kept.Stages[s] / k))} | " +
                 $"{small.Stages[s]:N2} | {(notWaited ? "not waited for" : Pct(small.Stages[s] / m))} | {plain.Stages[s]:N1} | {Pct(plain.Stages[s] / p)} |");
        }

        Line($"| **sum of the stages a batch waits for** | **{k:N1}** | | **{m:N2}** | | **{p:N1}** | |");
        Line($"| the same batch over HTTP (median) | {kept.EndToEndMs:N1} | | {small.EndToEndMs:N2} | | {plain.EndToEndMs:N1} | |");
        var loneCopy = _results.Of(new Config(1, Method.Copy, 500, 1));
        var smallCopy = _results.Of(new Config(1, Method.Copy, 50, 1));
        if (loneCopy.Count > 0 && smallCopy.Count > 0)
        {
            Line($"| COPY baseline, 1 client (scenario 1, median) | {Stats.Median(loneCopy.SelectMany(r => r.LatenciesMs)):N1} | | " +
                 $"{Stats.Median(smallCopy.SelectMany(r => r.LatenciesMs)):N2} | | | |");
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
        foreach (var (name, value) in MachineInfo.Describe(_root))
        {
            Line($"| {name} | {value} |");
        }

        Line($"| Load average (1, 5, 15 min) | at start {_results.LoadAverageAtStart}; at end {_results.LoadAverageAtEnd} |");
        foreach (var (name, value) in _results.Postgres)
        {
            Line($"| PostgreSQL {name} | {value} |");
        }

        Line($"| Server settings (environment) | {string.Join(", ", _results.ServerSettings.Select(s => $"`{s.Key}={s.Value}`"))}; everything else as in appsettings.json |");
        Line($"| Sizes | import {_settings.SeedAccounts:N0}; per run {_settings.UsersPerLargeRun:N0} users (500-user batches), {_settings.UsersPerSmallRun:N0} (50-user batches), " +
             $"{_settings.PlaintextUsersPerRun:N0} (plaintext); {_settings.Repetitions} repetitions; EF Core runs at 500 × 2 only |");
        Line();
    }
}
