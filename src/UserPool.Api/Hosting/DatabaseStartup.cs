namespace UserPool.Api.Hosting;

/// <summary>Runs before the server listens: migrations, then the first-pool bootstrap.</summary>
public sealed class DatabaseStartup(DatabaseMigrator migrator, FirstPoolBootstrap bootstrap) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        await bootstrap.RunAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
