using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using UserPool.Api.Tests.Infrastructure;
using UserPool.Api.Tests.Reliability.Support;
using Xunit.Abstractions;

namespace UserPool.Api.Tests.Reliability;

/// <summary>
/// Pool A keeps every hashing thread busy with batches of passwords; pool B creates one user with a password at a
/// time. B is served in turn with A, so its create stays within a small multiple of the same create on an idle
/// server, measured in the same run; A's batches beyond its bound are refused with a 429 and Retry-After, whole,
/// before anything is written.
/// </summary>
[Collection(NoisyNeighbourCollection.Name)]
public sealed class NoisyHashingNeighbourTests(HashingNeighbourApiFactory api, ITestOutputHelper output)
    : IClassFixture<HashingNeighbourApiFactory>, IAsyncLifetime
{
    private const int BatchOfA = 10;
    private const int StreamsOfA = 8;
    private int _number;

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Pool_Bs_one_user_create_while_pool_A_saturates_the_hashing_stays_within_a_small_multiple_of_its_idle_time()
    {
        using var poolB = await api.CreateOtherPoolClientAsync();
        using var poolA = api.CreateSignedClient();
        var samples = ReliabilityScale.Pick(ci: 20, full: 200);
        var idleBefore = await CreateOneByOneAsync(poolB.Client, 10);

        var underLoad = new Latencies();
        var noise = await WithPoolAHashingAsync(poolA, async () =>
        {
            for (var i = 0; i < samples; i++)
            {
                var response = await underLoad.TimeAsync(() => CreateOneAsync(poolB.Client));
                await AssertCreatedAsync(response);
            }
        });
        var idleAfter = await CreateOneByOneAsync(poolB.Client, 10);

        // The idle time is measured before and after, and the larger taken: the machine's other load moves both.
        var idle = Math.Max(idleBefore.Percentile(50), idleAfter.Percentile(50));
        output.WriteLine($"work factor {HashingNeighbourApiFactory.WorkFactor}; pool B idle: {idleBefore} / {idleAfter}");
        output.WriteLine($"pool B while pool A hashes: {underLoad}");
        output.WriteLine($"pool A: {noise}");
        Assert.True(noise.Admitted >= 3, $"pool A never kept the hashing busy: {noise}");
        // Served first-come, B would wait behind pool A's whole backlog (50 hashes over the threads); in turn, behind
        // at most one hash per thread.
        Assert.True(underLoad.Percentile(50) <= 4 * idle, $"pool B's median {underLoad.Percentile(50):F0} ms against {idle:F0} ms idle");
        Assert.True(underLoad.Percentile(90) <= 8 * idle, $"pool B's p90 {underLoad.Percentile(90):F0} ms against {idle:F0} ms idle");
        if (ReliabilityScale.Full)
        {
            Assert.True(underLoad.Percentile(99) < 1000, $"pool B's p99 {underLoad.Percentile(99):F0} ms");
        }
    }

    [Fact]
    public async Task Pool_As_batches_beyond_its_bound_are_refused_with_429_and_retry_after_and_nothing_of_them_is_written()
    {
        using var poolA = api.CreateSignedClient();

        var noise = await WithPoolAHashingAsync(poolA, () => Task.Delay(TimeSpan.FromSeconds(ReliabilityScale.Pick(ci: 3, full: 10))));

        output.WriteLine($"pool A: {noise}");
        Assert.True(noise.Refused > 0, $"pool A was never refused: {noise}");
        Assert.True(noise.Admitted > 0, $"pool A was never admitted: {noise}");
        Assert.All(noise.RefusalAnswers, refusal =>
        {
            Assert.Equal(429, refusal.HttpStatus);
            Assert.Equal(429, refusal.StatusCode);
            Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
            Assert.True(refusal.RetryAfterSeconds >= 1, $"Retry-After {refusal.RetryAfterSeconds}");
        });
        await using var db = api.CreateDbContext();
        var stored = await db.Accounts.CountAsync(a => a.UserPoolId == api.PoolId);
        Assert.Equal(noise.Admitted * BatchOfA, stored);
    }

    /// <summary>Pool A's streams of batches, running until <paramref name="during"/> ends.</summary>
    private async Task<Noise> WithPoolAHashingAsync(SignedClient poolA, Func<Task> during)
    {
        var noise = new Noise();
        using var stop = new CancellationTokenSource();
        var streams = Enumerable.Range(0, StreamsOfA).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var response = await poolA.PostAsync("/api/v3/create-users-batch", new { list = Batch(BatchOfA) });
                var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    noise.Refuse(new Refusal((int)response.StatusCode, (int)body["statusCode"]!, (string?)body["message"],
                        response.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0));
                    // A comes back sooner than Retry-After says, but not in a hot loop: refused requests are cheap, yet
                    // thousands a second would measure the HTTP stack, not the hashing (the request rate limit's job).
                    await Task.Delay(100);
                }
                else
                {
                    Assert.True((int)body["statusCode"]! == 200, body.ToJsonString());
                    noise.Admit();
                }
            }
        })).ToList();
        await Task.Delay(500); // let pool A fill its share of the queue first
        try
        {
            await during();
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(streams);
        }

        return noise;
    }

    private async Task<Latencies> CreateOneByOneAsync(SignedClient client, int count)
    {
        var latencies = new Latencies();
        for (var i = 0; i < count; i++)
        {
            await AssertCreatedAsync(await latencies.TimeAsync(() => CreateOneAsync(client)));
        }

        return latencies;
    }

    private Task<HttpResponseMessage> CreateOneAsync(SignedClient client) => client.PostAsync("/api/v3/create-user", new
    {
        username = $"b-{Interlocked.Increment(ref _number)}",
        password = "pool-b-password",
    });

    private static async Task AssertCreatedAsync(HttpResponseMessage response)
    {
        var envelope = await Envelopes.ReadAsync(response);
        Assert.True((int)envelope["statusCode"]! == 200, envelope.ToJsonString());
    }

    private object[] Batch(int size) => Enumerable.Range(0, size).Select(_ => (object)new
    {
        username = $"a-{Interlocked.Increment(ref _number)}",
        password = "pool-a-password",
    }).ToArray();

    private sealed record Refusal(int HttpStatus, int StatusCode, string? Message, double RetryAfterSeconds);

    private sealed class Noise
    {
        private readonly ConcurrentQueue<Refusal> _refusals = new();
        private int _admitted;

        public int Admitted => _admitted;
        public int Refused => _refusals.Count;
        public IReadOnlyCollection<Refusal> RefusalAnswers => _refusals;

        public void Admit() => Interlocked.Increment(ref _admitted);

        public void Refuse(Refusal refusal) => _refusals.Enqueue(refusal);

        public override string ToString() => $"{Admitted} batches of {BatchOfA} admitted, {Refused} refused with 429";
    }
}
