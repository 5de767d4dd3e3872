using UserPool.Api.Passwords.Transport;

namespace UserPool.Api.Hosting;

/// <summary>Runs before the server listens: migrations, the first-pool bootstrap, then the transport keys.</summary>
public sealed class DatabaseStartup(DatabaseMigrator migrator, FirstPoolBootstrap bootstrap, PasswordTransport transport) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        await bootstrap.RunAsync(cancellationToken);
        await transport.RefreshAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
