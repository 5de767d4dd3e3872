using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using UserPool.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UserPool.Api.Tests.Reliability;

/// <summary>
/// 8 concurrent clients delete, update and create accounts over one small set of e-mails: deletes remove random known
/// accounts (some already deleted by another client), updates move the e-mails between random known accounts (some
/// deleted meanwhile), creates claim the same e-mails. Every answer is a 200, a 409 naming the taken key, or an answer that
/// an account is gone (404, or an update batch's 400 listing not_found items beside taken e-mails); never a 500. Afterwards no e-mail is
/// stored twice, every acknowledged delete left nothing behind, and the keys of the deleted accounts are free again.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class DeleteRaceTests(UserPoolApiFactory api, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Clients = 8;
    private const int Seeded = 12;
    private const int Emails = 10;

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ConcurrentDeletesUpdatesAndCreates_OfTheSameKeys_AnswerCleanlyStoreNoDuplicateAndFreeTheKeys()
    {
        var rounds = ReliabilityScale.Pick(ci: 20, full: 150);
        using var seeder = api.CreateSignedClient();
        var seeded = await seeder.PostEnvelopeAsync("/api/v3/create-users-batch",
            new { list = Enumerable.Range(0, Seeded).Select(i => new { username = $"seed{i}", email = i < Emails / 2 ? Email(i) : null }) });
        Assert.Equal(200, (int)seeded["statusCode"]!);
        var known = new ConcurrentQueue<string>(seeded["data"]!.AsArray().Select(u => (string)u!["userId"]!));
        var deleted = new ConcurrentBag<string>();
        var statuses = new ConcurrentBag<int>();

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async client =>
        {
            using var http = api.CreateSignedClient();
            var random = new Random(9000 + client);
            for (var round = 0; round < rounds; round++)
            {
                var ids = known.ToArray();
                switch (random.Next(3))
                {
                    case 0:
                        var created = await http.PostEnvelopeAsync("/api/v3/create-user",
                            new { username = $"new{client}x{round}", email = Email(random.Next(Emails)) });
                        if (Record(created))
                        {
                            known.Enqueue((string)created["data"]!["userId"]!);
                        }

                        break;
                    case 1:
                        var targets = ids.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToArray();
                        var emails = Enumerable.Range(0, Emails).OrderBy(_ => random.Next()).Take(targets.Length).Select(Email).ToArray();
                        Record(await http.PostEnvelopeAsync("/api/v3/update-user-batch",
                            new { list = targets.Select((id, i) => new { userId = id, email = emails[i] }) }));
                        break;
                    default:
                        var victims = ids.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToArray();
                        if (Record(await http.PostEnvelopeAsync("/api/v3/delete-users-batch", new { userIds = victims })))
                        {
                            foreach (var victim in victims)
                            {
                                deleted.Add(victim);
                            }
                        }

                        break;
                }
            }
        }));

        bool Record(JsonObject answer)
        {
            var status = (int)answer["statusCode"]!;
            statuses.Add(status);
            // An update batch naming an account deleted meanwhile fails that item (not_found), beside any item whose e-mail is taken.
            var codes = status == 400 ? answer["errors"]!.AsArray().Select(e => (string)e!["code"]!).ToList() : [];
            var gone = codes.Contains("not_found") && codes.All(c => c is "not_found" or "already_exists");
            Assert.True(status is 200 or 404 or 409 || gone, answer.ToJsonString());
            if (status == 409)
            {
                // The holder is named when the checks still see it; one deleted between the unique violation and the
                // re-check leaves the field named alone.
                Assert.All(answer["errors"]!.AsArray(), e => Assert.Equal("already_exists", (string)e!["code"]!));
            }

            return status == 200;
        }

        output.WriteLine($"calls {statuses.Count}: {string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Key} × {g.Count()}"))}; " +
                         $"deleted {deleted.Count}");
        Assert.Contains(200, statuses);
        Assert.NotEmpty(deleted);

        await using (var db = api.CreateDbContext())
        {
            var emailKeys = await db.Accounts.AsNoTracking().Where(a => a.EmailKey != null).Select(a => a.EmailKey!).ToListAsync();
            Assert.Equal(emailKeys.Count, emailKeys.Distinct().Count());
            var gone = deleted.ToArray();
            Assert.False(await db.Accounts.AnyAsync(a => gone.Contains(a.Id)));
        }

        await DeleteEverySurvivorAsync(seeder);
        var reclaimed = await seeder.PostEnvelopeAsync("/api/v3/create-users-batch", new
        {
            list = Enumerable.Range(0, Emails).Select(i => new { username = $"seed{i}", email = Email(i) }),
        });
        Assert.Equal(200, (int)reclaimed["statusCode"]!);
    }

    /// <summary>Deletes whoever still holds a race key, so every key of the run has been freed by a delete.</summary>
    private async Task DeleteEverySurvivorAsync(SignedClient seeder)
    {
        await using var db = api.CreateDbContext();
        var survivors = await db.Accounts.AsNoTracking().Select(a => a.Id).ToArrayAsync();
        foreach (var batch in survivors.Chunk(50))
        {
            var answer = await seeder.PostEnvelopeAsync("/api/v3/delete-users-batch", new { userIds = batch });
            Assert.Equal(200, (int)answer["statusCode"]!);
        }
    }

    private static string Email(int i) => $"racer{i}@race.test";
}
