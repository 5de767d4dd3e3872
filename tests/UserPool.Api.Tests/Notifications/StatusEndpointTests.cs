using System.Text.Json.Nodes;
using UserPool.Api.Notifications;

namespace UserPool.Api.Tests.Notifications;

[Collection(NotificationsCollection.Name)]
public sealed class StatusEndpointTests(NotificationsApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task StatusEndpoint_ReportsCountersSinceStartAndTheOutboxByStatus()
    {
        var before = await GetStatusAsync();
        var seeded = await OutboxSeed.AddManyAsync(api,
        [
            new SeedSpec(),
            new SeedSpec(Status: OutboxNames.Dead),
            new SeedSpec(NextAttemptAt: DateTime.UtcNow.AddHours(1)),
        ]);
        await api.WaitForStatusAsync(seeded[0].Id, OutboxNames.Sent);

        var status = await GetStatusAsync();

        Assert.True((bool)status["dispatcherEnabled"]!);
        Assert.True((bool)status["email"]!["configured"]!);
        Assert.True((bool)status["sms"]!["configured"]!);
        Assert.True((long)status["sinceStart"]!["sent"]! >= (long)before["sinceStart"]!["sent"]! + 1);
        var outbox = status["outbox"]!;
        Assert.Equal(1, (long)outbox["sent"]!);
        Assert.Equal(1, (long)outbox["dead"]!);
        Assert.Equal(1, (long)outbox["pending"]!);
        Assert.Equal(0, (long)outbox["due"]!);
        Assert.NotNull((string?)outbox["oldestPendingCreatedAt"]);
    }

    private async Task<JsonObject> GetStatusAsync()
    {
        using var http = api.CreateClient();
        var response = await http.GetAsync("/health/notifications");
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
