using System.Diagnostics;
using System.Text.Json.Nodes;
using UserPool.Api.Hosting.LocalPostgres;
using UserPool.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UserPool.Api.Tests.Reliability;

/// <summary>
/// PostgreSQL stopped in the middle of a stream of batches and started again: requests during the outage get
/// a prompt 503 envelope (never a hang, never a 500), the server recovers by itself, nothing is partly written.
/// </summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(15);
    private readonly string _dataDirectory = Path.Combine("/var/tmp", "userpool-outage-" + Guid.NewGuid().ToString("N")[..8]);
    private LocalPostgresCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = new LocalPostgresCluster(_dataDirectory, PostgresBinaries.LocateOrThrow());
        await _cluster.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task StoppingPostgresMidStream_Gives503s_ThenRecoversWithoutARestart_AndLosesNothing()
    {
        await using var server = new UserPoolApiFactoryOnDatabase(_cluster.ConnectionString);
        _ = server.Services; // start the host (migrations, bootstrap) before the stream begins
        var ledger = new BatchLedger();
        using var stop = new CancellationTokenSource();
        var recoveredAt = DateTime.MaxValue;
        var senders = Enumerable.Range(0, 2).Select(client => Task.Run(async () =>
        {
            using var http = server.CreateSignedClient();
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var prefix = $"outage-c{client}-b{n}";
                var watch = Stopwatch.StartNew();
                var response = await http.PostAsync("/api/v3/create-users-batch", new { list = BatchLedger.Items(prefix, 5) });
                var envelope = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                ledger.Record(Enumerable.Range(0, 5).Select(i => $"{prefix}-{i}").ToArray(), (int)response.StatusCode, (int)envelope["statusCode"]!, watch.Elapsed);
                await Task.Delay(20);
            }
        })).ToList();

        await Task.Delay(1500);
        await _cluster.StopAsync();
        await Task.Delay(3000);
        await _cluster.StartAsync();
        var restartedAt = DateTime.UtcNow;
        await WaitForSuccessAfterAsync(ledger, TimeSpan.FromSeconds(30));
        await Task.Delay(1000);
        await stop.CancelAsync();
        await Task.WhenAll(senders);

        var answers = ledger.Entries;
        output.WriteLine($"PostgreSQL stops 1; batches {answers.Count}; 200: {answers.Count(e => e.StatusCode == 200)}; 503: {answers.Count(e => e.StatusCode == 503)}; slowest {answers.Max(e => e.Took).TotalMilliseconds:F0} ms");
        Assert.All(answers, e => Assert.True(e.StatusCode is 200 or 503, $"unexpected {e.StatusCode}"));
        Assert.All(answers.Where(e => e.StatusCode == 503), e => Assert.Equal(503, e.HttpStatus));
        Assert.Contains(answers, e => e.StatusCode == 503);
        Assert.All(answers, e => Assert.True(e.Took < AnswerBound, $"an answer took {e.Took}"));
        await using var db = server.CreateDbContext();
        output.WriteLine(await ledger.AssertConsistentAsync(db));
    }

    private static async Task WaitForSuccessAfterAsync(BatchLedger ledger, TimeSpan limit)
    {
        var before = ledger.Entries.Count(e => e.StatusCode == 200);
        var watch = Stopwatch.StartNew();
        while (ledger.Entries.Count(e => e.StatusCode == 200) <= before && watch.Elapsed < limit)
        {
            await Task.Delay(100);
        }

        Assert.True(ledger.Entries.Count(e => e.StatusCode == 200) > before, "the server did not recover after PostgreSQL came back");
    }
}
