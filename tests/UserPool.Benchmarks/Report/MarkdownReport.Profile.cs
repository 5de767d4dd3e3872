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
        if (_results.ProfileKept500 is not { } kept || _results.ProfilePlaintext50 is not { } plain)
        {
            return;
        }

        Line("Measured after the import, before the scenarios, one batch at a time. First from outside, against the server: " +
             "the same shape of batch sent in full, with `dryRun` and with one item over the limit, medians in milliseconds:");
        Line();
        Line("| 500 users, kept hashes, 1 client | ms | what it holds |");
        Line("|---|---:|---|");
        Line($"| refused after parsing (501 items) | {kept.RefusedAfterParseMs:N1} | HTTP both ways, token authentication, reading and parsing the body |");
        Line($"| dryRun | {kept.DryRunMs:N1} | the above, validation, drafts, reference lookups, the conflict query (a dry run looks for " +
             "conflicts first, a kept-hash create does not), serializing and sending the answer; no write |");
        Line($"| full create | {kept.EndToEndMs:N1} | the above without the conflict query, plus the COPY of accounts, identities and links and the commit |");
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
        var loneCopy = _results.Of(new Config(1, Method.Copy, 500, 1));
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
