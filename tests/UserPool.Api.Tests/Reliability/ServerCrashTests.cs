using System.Diagnostics;
using System.Text.Json.Nodes;
using UserPool.Api.Tests.Hosting;
using UserPool.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UserPool.Api.Tests.Reliability;

/// <summary>
/// The server process killed (SIGKILL) in the middle of a stream of batches and started again: acknowledged
/// batches survive, and a batch whose answer was lost is either fully written or not at all.
/// </summary>
public sealed class ServerCrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task KillingTheServerMidBatch_LosesNoAcknowledgedBatch_AndWritesNoBatchInPart()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var url = $"http://127.0.0.1:{ServerProcess.FreePort()}";
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__UserPool"] = connectionString,
            ["Bootstrap__AccessKeyId"] = UserPoolApiFactory.AccessKeyId,
            ["Bootstrap__AccessKeySecret"] = UserPoolApiFactory.AccessKeySecret,
            ["Passwords__BcryptWorkFactor"] = "4",
        };
        var ledger = new BatchLedger();
        var kills = ReliabilityScale.Pick(ci: 2, full: 10);

        for (var round = 0; round <= kills; round++)
        {
            using var server = await ServerProcess.StartServingAsync(environment, url);
            using var stop = new CancellationTokenSource();
            var senders = Enumerable.Range(0, 3).Select(client => SendUntilStoppedAsync(url, $"r{round}c{client}", ledger, stop.Token)).ToList();
            await Task.Delay(TimeSpan.FromMilliseconds(1500));
            if (round < kills)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }

            await stop.CancelAsync();
            await Task.WhenAll(senders);
            if (round == kills)
            {
                server.Kill(entireProcessTree: true);
            }
        }

        var entries = ledger.Entries;
        output.WriteLine($"server kills {kills}; batches {entries.Count}; acknowledged {entries.Count(e => e.StatusCode == 200)}; answer lost {entries.Count(e => e.StatusCode == 0)}");
        Assert.Contains(entries, e => e.StatusCode == 200);
        await using var check = new UserPoolApiFactoryOnDatabase(connectionString);
        await using var db = check.CreateDbContext();
        output.WriteLine(await ledger.AssertConsistentAsync(db));
    }

    private static async Task SendUntilStoppedAsync(string url, string prefix, BatchLedger ledger, CancellationToken stop)
    {
        using var client = new SignedClient(new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) },
            UserPoolApiFactory.AccessKeyId, UserPoolApiFactory.AccessKeySecret);
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var batch = $"{prefix}-b{n}";
            var markers = Enumerable.Range(0, 20).Select(i => $"{batch}-{i}").ToArray();
            var watch = Stopwatch.StartNew();
            try
            {
                var response = await client.PostAsync("/api/v3/create-users-batch", new { list = BatchLedger.Items(batch, 20) });
                var envelope = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                ledger.Record(markers, (int)response.StatusCode, (int)envelope["statusCode"]!, watch.Elapsed);
            }
            catch (HttpRequestException)
            {
                // The server died with the request in flight: the answer is lost, the outcome unknown.
                ledger.Record(markers, 0, 0, watch.Elapsed);
                return;
            }
        }
    }
}
