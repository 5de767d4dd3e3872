using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UserPool.Api.Notifications;

namespace UserPool.Api.Tests.Notifications;

/// <summary>Sent and dead outbox rows are deleted after the retention; pending ones never are.</summary>
[Collection(ManualDispatchCollection.Name)]
public sealed class OutboxPruningTests(ManualDispatchApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Prune_DeletesOldSentAndDeadRows_InChunks_AndKeepsRecentAndPendingOnes()
    {
        var old = DateTime.UtcNow.AddDays(-8);
        var recent = DateTime.UtcNow.AddDays(-1);
        var seeded = await OutboxSeed.AddManyAsync(api,
        [
            new SeedSpec(Status: OutboxNames.Sent, NextAttemptAt: old),
            new SeedSpec(Status: OutboxNames.Sent, NextAttemptAt: old),
            new SeedSpec(Status: OutboxNames.Dead, NextAttemptAt: old),
            new SeedSpec(Status: OutboxNames.Sent, NextAttemptAt: recent),
            new SeedSpec(Status: OutboxNames.Dead, NextAttemptAt: recent),
            new SeedSpec(Status: OutboxNames.Pending, NextAttemptAt: old),
        ]);

        var removed = await api.Services.GetRequiredService<OutboxStore>().PruneAsync(TimeSpan.FromDays(7), chunk: 2, CancellationToken.None);

        Assert.Equal(3, removed);
        await using var db = api.CreateDbContext();
        var left = await db.NotificationOutbox.AsNoTracking().Select(m => m.Id).ToListAsync();
        Assert.Equal(seeded.Skip(3).Select(m => m.Id).Order(), left.Order());
    }
}
