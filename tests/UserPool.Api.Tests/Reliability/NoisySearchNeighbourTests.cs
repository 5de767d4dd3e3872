using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Npgsql;
using UserPool.Api.Tests.Infrastructure;
using UserPool.Api.Tests.Reliability.Support;
using UserPool.Api.Tests.Users;
using Xunit.Abstractions;

namespace UserPool.Api.Tests.Reliability;

/// <summary>
/// Pool A runs a hundred concurrent maximal searches; pool B lists its users. A holds only its turns (two reads at
/// once), so B's list stays within a small multiple of its idle time measured in the same run, the server keeps to its
/// connection pool, and PostgreSQL still accepts a new connection. An oversized keyword never reaches the database.
/// </summary>
[Collection(NoisyNeighbourCollection.Name)]
public sealed class NoisySearchNeighbourTests(SearchNeighbourApiFactory api, ITestOutputHelper output)
    : IClassFixture<SearchNeighbourApiFactory>, IAsyncLifetime
{
    private const int MaxPoolSize = 20; // Database:MaxPoolSize's default
    private const string Probe = "noisy-neighbour-probe";

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Pool_Bs_list_while_pool_A_runs_a_hundred_maximal_searches_stays_within_a_small_multiple_of_its_idle_time()
    {
        using var poolA = api.CreateSignedClient();
        using var poolB = await api.CreateOtherPoolClientAsync();
        await AccountFill.CreateAsync(poolA, "a", ReliabilityScale.Pick(ci: 1000, full: 5000));
        await AccountFill.CreateAsync(poolB.Client, "b", 20);
        var idleBefore = await ListManyAsync(poolB.Client, 10);

        var answers = new ConcurrentDictionary<int, int>();
        var underLoad = new Latencies();
        var mostConnections = 0;
        using (var stop = new CancellationTokenSource())
        {
            var searches = Enumerable.Range(0, 100).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var response = await poolA.PostAsync("/api/v3/list-users", AccountFill.MaximalSearch());
                    var status = (int)(await Envelopes.ReadAsync(response))["statusCode"]!;
                    answers.AddOrUpdate(status, 1, (_, n) => n + 1);
                    Assert.True(status is 200 or 429, $"pool A's search answered {status}");
                    Assert.True(status != 429 || response.Headers.RetryAfter is not null, "a 429 without Retry-After");
                    if (status == 429)
                    {
                        // A comes back sooner than Retry-After says, but not in a hot loop, which would measure the
                        // signature checks of refused requests (the request rate limit's job), not the searches.
                        await Task.Delay(100);
                    }
                }
            })).ToList();
            await Task.Delay(1000);
            try
            {
                for (var i = 0; i < ReliabilityScale.Pick(ci: 30, full: 300); i++)
                {
                    await underLoad.TimeAsync(() => ListAsync(poolB.Client));
                    if (i % 5 == 0)
                    {
                        mostConnections = Math.Max(mostConnections, await ServerConnectionsFromAFreshConnectionAsync());
                    }
                }
            }
            finally
            {
                await stop.CancelAsync();
                await Task.WhenAll(searches);
            }
        }

        var idleAfter = await ListManyAsync(poolB.Client, 10);
        var idle = Math.Max(idleBefore.Percentile(50), idleAfter.Percentile(50));
        output.WriteLine($"pool B idle: {idleBefore} / {idleAfter}");
        output.WriteLine($"pool B while pool A searches: {underLoad}");
        output.WriteLine($"pool A's answers: {string.Join(", ", answers.Select(a => $"{a.Key}: {a.Value}"))}");
        output.WriteLine($"most connections of the server at once: {mostConnections}");
        Assert.True(answers.GetValueOrDefault(200) > 0, "pool A's searches never ran");
        // The server's own connections (it names them) never exceed its pool size.
        Assert.InRange(mostConnections, 1, MaxPoolSize);
        // Loose on purpose: pool A keeps two PostgreSQL backends busy on a 2-core machine that CI shares, so B's
        // statements wait for a core; starved (waiting behind A's searches or for a connection) B took 13.7 s against
        // 0.05 s idle, some 270 times. The full-size run holds B's p99 under a second.
        Assert.True(underLoad.Percentile(50) <= 15 * idle, $"pool B's median {underLoad.Percentile(50):F0} ms against {idle:F0} ms idle");
        Assert.True(underLoad.Percentile(90) <= 30 * idle, $"pool B's p90 {underLoad.Percentile(90):F0} ms against {idle:F0} ms idle");
        if (ReliabilityScale.Full)
        {
            Assert.True(underLoad.Percentile(99) < 1000, $"pool B's p99 {underLoad.Percentile(99):F0} ms");
        }
    }

    [Fact]
    public async Task A_one_megabyte_keyword_is_a_400_naming_keywords_before_any_query_runs()
    {
        using var client = api.CreateSignedClient();

        // Authentication has commands of its own (the signature's nonce): a request refused before reading has only those.
        // Each count is of that request's statements alone (see DatabaseCommands), not the server's background work.
        var (_, byOrdinarySearch) = await CommandsOfAsync(client, new { keywords = "anyone" });
        var (_, byAuthentication) = await CommandsOfAsync(client, new { options = new { pagination = new { page = 1, limit = 51 } } });
        var (envelope, byOversizedSearch) = await CommandsOfAsync(client, new { keywords = new string('k', 1_000_000) });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Contains("keywords", (string)envelope["message"]!);
        Assert.True(byOrdinarySearch > byAuthentication, $"an ordinary search ran {byOrdinarySearch} commands, authentication alone {byAuthentication}");
        Assert.True(byOversizedSearch <= byAuthentication, $"the oversized search ran {byOversizedSearch} commands, authentication alone {byAuthentication}");
    }

    private static async Task<(JsonObject Envelope, int Commands)> CommandsOfAsync(SignedClient client, object body)
    {
        var (envelope, statements) = await DatabaseCommands.OfPostAsync(client, "/api/v3/list-users", body);
        return (envelope, statements.Count);
    }

    private static async Task ListAsync(SignedClient client)
    {
        var envelope = await client.PostEnvelopeAsync("/api/v3/list-users", new { options = new { pagination = new { page = 1, limit = 10 } } });
        Assert.True((int)envelope["statusCode"]! == 200, envelope.ToJsonString());
    }

    private static async Task<Latencies> ListManyAsync(SignedClient client, int count)
    {
        var latencies = new Latencies();
        for (var i = 0; i < count; i++)
        {
            await latencies.TimeAsync(() => ListAsync(client));
        }

        return latencies;
    }

    /// <summary>Opens a new, unpooled connection (PostgreSQL must accept it) and counts the server's connections to its database.</summary>
    private async Task<int> ServerConnectionsFromAFreshConnectionAsync()
    {
        var fresh = new NpgsqlConnectionStringBuilder(api.ConnectionString) { Pooling = false, Timeout = 15, ApplicationName = Probe };
        await using var connection = new NpgsqlConnection(fresh.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = @server", connection);
        // Only the server's pool counts (it names its connections); the test's own resets, seeding and probes do not.
        command.Parameters.AddWithValue("server", UserPool.Api.Data.DataRegistration.ApplicationName);
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }
}
