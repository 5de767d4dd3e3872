using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using UserPool.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UserPool.Api.Tests.Reliability;

/// <summary>
/// 8 clients create batches from the same few e-mails at the same time, even clients listing them in ascending
/// order and odd clients in descending order, so two batches regularly each hold a key the other inserts next:
/// PostgreSQL's deadlock detector then aborts one of them. Whatever happens inside, every answer is 200 or a 409
/// naming an account that really holds the key, and no batch is duplicated or half-written.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class OppositeOrderRaceTests(UserPoolApiFactory api, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Clients = 8;
    private const int SharedKeysPerRound = 40;

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task BatchesSharingKeysInOppositeOrders_AnswerOnly200Or409NamingTrueHolders()
    {
        var rounds = ReliabilityScale.Pick(ci: 10, full: 150);
        var outcomes = new ConcurrentBag<(List<Dictionary<string, object?>> Items, int HttpStatus, JsonObject Answer)>();

        var clients = Enumerable.Range(0, Clients).Select(c => (Http: api.CreateSignedClient(), Random: new Random(2000 + c))).ToList();
        for (var round = 0; round < rounds; round++)
        {
            // The clients send each round together, so their batches' inserts overlap as often as they can.
            await Task.WhenAll(clients.Select(async (client, c) =>
            {
                var items = Batch(round, c, client.Random);
                var response = await client.Http.PostAsync("/api/v3/create-users-batch", new { list = items });
                outcomes.Add((items, (int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject()));
            }));
        }

        clients.ForEach(c => c.Http.Dispose());
        await using var db = api.CreateDbContext();
        var accounts = await db.Accounts.AsNoTracking().ToListAsync();
        var identities = await db.Identities.AsNoTracking().ToListAsync();
        var byMarker = accounts.ToDictionary(a => a.Name!);
        RaceTests.AssertNoSharedKeys(accounts, identities);
        var faults = outcomes.Where(o => (int?)o.Answer["statusCode"] is not (200 or 409)).ToList();
        output.WriteLine($"batches {outcomes.Count}; acknowledged {outcomes.Count(o => (int?)o.Answer["statusCode"] == 200)}; " +
            $"answered other than 200/409: {faults.Count} {string.Join(" | ", faults.Take(3).Select(f => f.Answer.ToJsonString()))}");
        Assert.Empty(faults);
        foreach (var (items, _, answer) in outcomes)
        {
            var markers = items.Select(i => (string)i["name"]!).ToList();
            if ((int)answer["statusCode"]! == 200)
            {
                Assert.All(markers, m => Assert.True(byMarker.ContainsKey(m), $"acknowledged item {m} is missing"));
            }
            else
            {
                Assert.All(markers, m => Assert.False(byMarker.ContainsKey(m), $"rejected item {m} was written"));
                RaceTests.AssertRejectionIsTrue(new RaceWorkload.Batch("/api/v3/create-users-batch", false, items), answer, accounts, identities);
            }
        }

        Assert.Contains(outcomes, o => (int)o.Answer["statusCode"]! == 200);
        Assert.Contains(outcomes, o => (int)o.Answer["statusCode"]! == 409);
    }

    /// <summary>
    /// Half to all of the round's shared e-mails, ascending for even clients and descending for odd ones. A batch's
    /// rows reach the unique index one after another within one COPY, so many rows widen the window in which two
    /// batches each hold a key the other needs.
    /// </summary>
    private static List<Dictionary<string, object?>> Batch(int round, int client, Random random)
    {
        var keys = Enumerable.Range(0, SharedKeysPerRound).OrderBy(_ => random.Next()).Take(random.Next(SharedKeysPerRound / 2, SharedKeysPerRound + 1)).Order().ToList();
        if (client % 2 == 1)
        {
            keys.Reverse();
        }

        return keys.Select((key, i) => new Dictionary<string, object?>
        {
            ["name"] = $"o{client}-r{round}-i{i}",
            ["username"] = $"o{client}-r{round}-i{i}",
            ["email"] = $"round{round}-key{key}@example.com",
        }).ToList();
    }
}
