namespace UserPool.Benchmarks;

/// <summary>Sizes of one benchmark run; --quick shrinks every one of them for a sanity check.</summary>
public sealed record BenchSettings
{
    public bool Quick { get; init; }
    public int SeedAccounts { get; init; } = 100_000;
    public int SeedBatchSize { get; init; } = 500;
    public int SeedClients { get; init; } = 2;
    /// <summary>Users written per measured run, by batch size (a 500-batch run holds 20 batches, a 50-batch run 100).</summary>
    public int UsersPerLargeRun { get; init; } = 10_000;
    public int UsersPerSmallRun { get; init; } = 10_000;
    public int PlaintextUsersPerRun { get; init; } = 400;
    /// <summary>Users deleted per measured run of scenario 3 (50-user batches), by the server and by the baseline alike.</summary>
    public int DeletesPerRun { get; init; } = 5_000;
    /// <summary>Accounts updated per measured run of scenario 4 (50-account batches), by the server and by the baseline alike.</summary>
    public int UpdatesPerRun { get; init; } = 10_000;
    public int Repetitions { get; init; } = 7;
    public int HashSamples { get; init; } = 12;
    public int ProfileBatches { get; init; } = 8;
    public int WorkFactor { get; init; } = 10;
    public string OutputPath { get; init; } = "docs/benchmarks.md";
    public bool SkipBuild { get; init; }
    /// <summary>Only the first goal's shape (500 × 2, server against COPY), printed and not written: for trying a change.</summary>
    public bool Focus { get; init; }
    /// <summary>The batch size --focus runs at (500, the first goal's shape, unless told).</summary>
    public int FocusBatchSize { get; init; } = 500;
    /// <summary>Extra environment for the server process (--server-env KEY=VALUE): for trying runtime settings such as GC modes.</summary>
    public IReadOnlyDictionary<string, string> ServerEnvironment { get; init; } = new Dictionary<string, string>();
    /// <summary>Only scenario 3 (delete-users-batch of 50 against DELETE … = ANY), printed and not written.</summary>
    public bool DeletesOnly { get; init; }
    /// <summary>Only scenario 4 (update-user-batch of 50 against UPDATE … FROM unnest), printed and not written.</summary>
    public bool UpdatesOnly { get; init; }

    public static BenchSettings Parse(string[] args)
    {
        var settings = args.Contains("--quick")
            ? new BenchSettings
            {
                Quick = true, SeedAccounts = 5_000, UsersPerLargeRun = 2_000, UsersPerSmallRun = 1_000,
                PlaintextUsersPerRun = 100, DeletesPerRun = 1_000, UpdatesPerRun = 1_000, Repetitions = 2, HashSamples = 5, ProfileBatches = 3,
            }
            : new BenchSettings();
        for (var i = 0; i < args.Length; i++)
        {
            settings = args[i] switch
            {
                "--quick" => settings,
                "--out" when i + 1 < args.Length => settings with { OutputPath = args[++i] },
                "--runs" when i + 1 < args.Length => settings with { Repetitions = int.Parse(args[++i]) },
                "--import" when i + 1 < args.Length => settings with { SeedAccounts = int.Parse(args[++i]) },
                "--no-build" => settings with { SkipBuild = true },
                "--focus" => settings with { Focus = true, UsersPerLargeRun = 30_000 },
                "--batch" when i + 1 < args.Length => settings with { FocusBatchSize = int.Parse(args[++i]) },
                "--server-env" when i + 1 < args.Length && args[i + 1].Contains('=') => settings with
                {
                    ServerEnvironment = new Dictionary<string, string>(settings.ServerEnvironment)
                    {
                        [args[i + 1].Split('=', 2)[0]] = args[++i].Split('=', 2)[1],
                    },
                },
                "--deletes" => settings with { DeletesOnly = true },
                "--deletes-per-run" when i + 1 < args.Length => settings with { DeletesPerRun = int.Parse(args[++i]) },
                "--updates" => settings with { UpdatesOnly = true },
                "--updates-per-run" when i + 1 < args.Length => settings with { UpdatesPerRun = int.Parse(args[++i]) },
                "--help" or "-h" => throw new UsageException(),
                var other => throw new UsageException($"Unknown option {other}"),
            };
        }

        return settings;
    }

    public const string Usage = """
        Usage: dotnet run -c Release --project tests/UserPool.Benchmarks -- [options]
          --quick        small sizes (5,000-account pool, 2 runs each) for a sanity check in a few minutes
          --runs N       repetitions of every measured scenario (default 7, quick 2)
          --import N     users in the first import, the pool every scenario writes into (default 100,000, quick 5,000)
          --out PATH     where to write the report (default docs/benchmarks.md, relative to the repository root)
          --no-build     use the server already built in src/UserPool.Api/bin/Release
          --focus        only scenario 1 at 500 × 2 against its COPY baseline, printed, no report: for trying a change
          --batch N      the batch size --focus runs at (default 500; 50 is the size clients send by default)
          --server-env KEY=VALUE   an extra environment variable for the server (repeatable), e.g. DOTNET_gcServer=0
          --deletes      only scenario 3 (delete-users-batch of 50 against DELETE … WHERE id = ANY), printed, no report
          --deletes-per-run N   users deleted per measured run of scenario 3 (default 5,000, quick 1,000)
          --updates      only scenario 4 (update-user-batch of 50 against UPDATE … FROM unnest), printed, no report
          --updates-per-run N   users updated per measured run of scenario 4 (default 5,000, quick 1,000)
        """;
}

public sealed class UsageException(string? message = null) : Exception(message ?? "");
