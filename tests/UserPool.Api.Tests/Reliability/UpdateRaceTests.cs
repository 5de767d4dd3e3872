using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using UserPool.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UserPool.Api.Tests.Reliability;

/// <summary>
/// 8 concurrent clients update and create accounts over one small set of e-mails: update batches move e-mails between
/// existing users (in random order, so the batches also cross each other's rows) while creates claim the same e-mails.
/// Afterwards: no e-mail is stored twice, every answer is 200 or 409, and every 409 names a true holder: an account that
/// an acknowledged call (or the seed) gave that e-mail.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class UpdateRaceTests(UserPoolApiFactory api, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Clients = 8;
    private const int Accounts = 12;
    private const int Emails = 10;

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ConcurrentUpdatesAndCreates_OfTheSameEmails_StoreNoDuplicateAndRefuseOnlyTrueConflicts()
    {
        var rounds = ReliabilityScale.Pick(ci: 25, full: 200);
        using var seeder = api.CreateSignedClient();
        var seeded = await seeder.PostEnvelopeAsync("/api/v3/create-users-batch",
            new { list = Enumerable.Range(0, Accounts).Select(i => new { username = $"racer{i}", email = i < Emails / 2 ? Email(i) : null }) });
        Assert.Equal(200, (int)seeded["statusCode"]!);
        var ids = seeded["data"]!.AsArray().Select(u => (string)u!["userId"]!).ToArray();
        // (email, account) pairs some acknowledged call stored: the only holders a refusal may name.
        var given = new ConcurrentBag<(string Email, string AccountId)>(Enumerable.Range(0, Emails / 2).Select(i => (Email(i), ids[i])));
        var refusals = new ConcurrentBag<(string Email, JsonObject Answer)>();
        var statuses = new ConcurrentBag<int>();

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async client =>
        {
            using var http = api.CreateSignedClient();
            var random = new Random(7000 + client);
            for (var round = 0; round < rounds; round++)
            {
                if (random.Next(3) == 0)
                {
                    var email = Email(random.Next(Emails));
                    var answer = await http.PostEnvelopeAsync("/api/v3/create-user", new { username = $"new{client}x{round}", email });
                    Record(answer, [email], created => given.Add((email, (string)created["data"]!["userId"]!)));
                }
                else
                {
                    var accounts = ids.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToArray();
                    var emails = Enumerable.Range(0, Emails).OrderBy(_ => random.Next()).Take(accounts.Length).Select(Email).ToArray();
                    var answer = await http.PostEnvelopeAsync("/api/v3/update-user-batch",
                        new { list = accounts.Select((id, i) => new { userId = id, email = emails[i] }) });
                    Record(answer, emails, _ =>
                    {
                        for (var i = 0; i < accounts.Length; i++)
                        {
                            given.Add((emails[i], accounts[i]));
                        }
                    });
                }
            }
        }));

        void Record(JsonObject answer, string[] emails, Action<JsonObject> acknowledged)
        {
            var status = (int)answer["statusCode"]!;
            statuses.Add(status);
            Assert.True(status is 200 or 409, answer.ToJsonString());
            if (status == 200)
            {
                acknowledged(answer);
            }
            else
            {
                foreach (var error in answer["errors"]!.AsArray())
                {
                    var index = (int?)error!["index"] ?? 0;
                    refusals.Add((emails[index], error.AsObject()));
                }
            }
        }

        await using var db = api.CreateDbContext();
        var stored = await db.Accounts.AsNoTracking().Where(a => a.EmailKey != null).Select(a => a.EmailKey!).ToListAsync();
        Assert.Equal(stored.Count, stored.Distinct().Count());
        var truth = given.ToHashSet();
        foreach (var (email, error) in refusals)
        {
            Assert.Equal("already_exists", (string)error["code"]!);
            Assert.True(error["conflict"] is JsonObject, $"a refusal that names no holder: {error.ToJsonString()}");
            var holder = (string)error["conflict"]!["accountId"]!;
            Assert.True(truth.Contains((email, holder)), $"{holder} never held {email}: {error.ToJsonString()}");
        }

        output.WriteLine($"calls {statuses.Count}; acknowledged {statuses.Count(s => s == 200)}; refused {statuses.Count(s => s == 409)}");
        Assert.Contains(200, statuses);
        Assert.Contains(409, statuses);
    }

    private static string Email(int i) => $"racer{i}@race.test";
}
