using System.Collections.Concurrent;
using UserPool.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UserPool.Api.Tests.Reliability;

/// <summary>
/// 8 clients update overlapping sets of the same accounts at the same time, even clients listing them in ascending
/// order and odd clients in descending order. The server writes a batch's rows in id order, so batches sharing rows
/// wait for each other: every batch is answered 200 and PostgreSQL never has to pick a deadlock victim (the server
/// would retry one, so only its log shows whether any happened).
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class OppositeOrderUpdateTests(LogCapturingApiFactory api, ITestOutputHelper output)
    : IClassFixture<LogCapturingApiFactory>, IAsyncLifetime
{
    private const int Clients = 8;
    private const int Accounts = 30;

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task UpdateBatchesSharingAccountsInOppositeOrders_WaitForEachOtherInsteadOfDeadlocking()
    {
        var rounds = ReliabilityScale.Pick(ci: 15, full: 150);
        using var seeder = api.CreateSignedClient();
        var seeded = await seeder.PostEnvelopeAsync("/api/v3/create-users-batch",
            new { list = Enumerable.Range(0, Accounts).Select(i => new { username = $"crosser{i}" }) });
        Assert.Equal(200, (int)seeded["statusCode"]!);
        var ids = seeded["data"]!.AsArray().Select(u => (string)u!["userId"]!).Order(StringComparer.Ordinal).ToArray();
        var victimsBefore = DeadlockVictims();
        var statuses = new ConcurrentBag<int>();

        var clients = Enumerable.Range(0, Clients).Select(c => (Http: api.CreateSignedClient(), Random: new Random(9000 + c))).ToList();
        for (var round = 0; round < rounds; round++)
        {
            await Task.WhenAll(clients.Select(async (client, c) =>
            {
                var accounts = ids.Where(_ => client.Random.Next(3) > 0).ToList();
                if (c % 2 == 1)
                {
                    accounts.Reverse();
                }

                var answer = await client.Http.PostEnvelopeAsync("/api/v3/update-user-batch",
                    new { list = accounts.Select(id => new { userId = id, nickname = $"c{c}-r{round}" }) });
                statuses.Add((int)answer["statusCode"]!);
            }));
        }

        clients.ForEach(c => c.Http.Dispose());
        var victims = DeadlockVictims() - victimsBefore;
        output.WriteLine($"batches {statuses.Count}; answered other than 200: {statuses.Count(s => s != 200)}; deadlock victims {victims}");
        Assert.All(statuses, status => Assert.Equal(200, status));
        Assert.Equal(0, victims);
    }

    private int DeadlockVictims() => api.Logs.Lines.Count(line => line.Contains("Deadlock victim", StringComparison.Ordinal));
}
