using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using UserPool.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UserPool.Api.Tests.Reliability;

/// <summary>
/// 8 concurrent clients send random batches with overlapping unique keys. Afterwards: no two accounts share a
/// key, every acknowledged batch is fully present, every rejected batch fully absent, and every rejection names
/// a real conflict (a stored account holding that key, or an earlier item of the same batch).
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class RaceTests(UserPoolApiFactory api, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Clients = 8;

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ConcurrentOverlappingBatches_LeaveNoSharedKeysNoPartialBatchesAndOnlyTrueRejections()
    {
        var batchesPerClient = ReliabilityScale.Pick(ci: 40, full: 250);
        var outcomes = new ConcurrentBag<(RaceWorkload.Batch Batch, JsonObject Answer)>();

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async client =>
        {
            using var http = api.CreateSignedClient();
            var workload = new RaceWorkload(seed: 1000 + client);
            for (var n = 0; n < batchesPerClient; n++)
            {
                var batch = workload.Next(n, client);
                outcomes.Add((batch, await http.PostEnvelopeAsync(batch.Path, new { list = batch.Items })));
            }
        }));

        await using var db = api.CreateDbContext();
        var accounts = await db.Accounts.AsNoTracking().ToListAsync();
        var identities = await db.Identities.AsNoTracking().ToListAsync();
        var byMarker = accounts.ToDictionary(a => a.Name!);
        AssertNoSharedKeys(accounts, identities);
        var acknowledged = 0;
        var rejected = 0;
        foreach (var (batch, answer) in outcomes)
        {
            var status = (int)answer["statusCode"]!;
            Assert.True(status is 200 or 400 or 409, answer.ToJsonString());
            var markers = batch.Items.Select(i => (string)i["name"]!).ToList();
            if (status == 200)
            {
                acknowledged++;
                Assert.All(markers, m => Assert.True(byMarker.ContainsKey(m), $"acknowledged item {m} is missing"));
            }
            else
            {
                rejected++;
                Assert.All(markers, m => Assert.False(byMarker.ContainsKey(m), $"rejected item {m} was written"));
                AssertRejectionIsTrue(batch, answer, accounts, identities);
            }
        }

        output.WriteLine($"batches raced: {outcomes.Count}; acknowledged {acknowledged}; rejected {rejected}; accounts {accounts.Count}");
        Assert.True(acknowledged > 0 && rejected > 0, "the workload must both succeed and collide");
    }

    internal static void AssertNoSharedKeys(List<Data.Entities.Account> accounts, List<Data.Entities.AccountIdentity> identities)
    {
        Assert.Equal(accounts.Count(a => a.Email is not null), accounts.Where(a => a.Email is not null).Select(a => a.Email!.ToLowerInvariant()).Distinct().Count());
        Assert.Equal(accounts.Count(a => a.Phone is not null), accounts.Where(a => a.Phone is not null).Select(a => a.PhoneCountryCode + a.Phone).Distinct().Count());
        Assert.Equal(accounts.Count, accounts.Select(a => a.Username!.ToLowerInvariant()).Distinct().Count());
        Assert.Equal(accounts.Count(a => a.ExternalId is not null), accounts.Where(a => a.ExternalId is not null).Select(a => a.ExternalId).Distinct().Count());
        Assert.Equal(identities.Count, identities.Select(i => (i.ExtIdpId, i.Type, i.UserIdInIdp)).Distinct().Count());
    }

    internal static void AssertRejectionIsTrue(RaceWorkload.Batch batch, JsonObject answer, List<Data.Entities.Account> accounts, List<Data.Entities.AccountIdentity> identities)
    {
        var errors = answer["errors"]!.AsArray();
        Assert.NotEmpty(errors);
        foreach (var error in errors)
        {
            var index = (int)error!["index"]!;
            var field = ((string)error["field"]!)[$"list[{index}].".Length..];
            var key = RaceWorkload.KeysOf(batch.Items[index]).Single(k => k.Field == field).Key;
            var conflict = error["conflict"]!;
            if ((string)conflict["with"]! == "item")
            {
                var other = (int)conflict["index"]!;
                Assert.True(other < index && RaceWorkload.KeysOf(batch.Items[other]).Contains((field, key)), error.ToJsonString());
                continue;
            }

            var holder = accounts.Single(a => a.Id == (string)conflict["accountId"]!);
            var held = field switch
            {
                "email" => holder.Email?.ToLowerInvariant(),
                "phone" => $"{holder.PhoneCountryCode} {holder.Phone}",
                "username" => holder.Username?.ToLowerInvariant(),
                "externalId" => holder.ExternalId,
                _ => identities.Where(i => i.AccountId == holder.Id).Select(i => $"{i.ExtIdpId}/{i.Type}/{i.UserIdInIdp}").FirstOrDefault(k => k == key),
            };
            Assert.Equal(key, held);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ReliabilityCollection : ICollectionFixture<UserPoolApiFactory>
{
    public const string Name = "reliability";
}
