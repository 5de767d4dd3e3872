using System.Text.Json.Nodes;
using UserPool.Api.Notifications;
using UserPool.Api.Tests.Notifications;
using UserPool.Api.Tests.Reliability.Support;

namespace UserPool.Api.Tests.Reliability;

/// <summary>
/// /health/notifications is anonymous, so its outbox counts are shared: probes within
/// Notifications:StatusCacheDuration (10 min here, so a slow machine cannot outlast it) reuse one count instead of
/// scanning the outbox each.
/// </summary>
[Collection(AuthThrottleCollection.Name)]
public sealed class NotificationStatusCacheTests(AuthThrottleApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Probes_within_the_cache_duration_reuse_one_count_of_the_outbox()
    {
        using var http = api.CreateClient();
        async Task<long> DeadCountAsync()
        {
            var status = JsonNode.Parse(await http.GetStringAsync("/health/notifications"))!;
            return (long)status["outbox"]!["dead"]!;
        }

        var first = await DeadCountAsync();
        await OutboxSeed.AddManyAsync(api, [new SeedSpec(Status: OutboxNames.Dead)]);
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => DeadCountAsync()));

        // Counted before the row was added, and not again: a fresh count would include it.
        Assert.All(answers, count => Assert.Equal(first, count));
    }
}
