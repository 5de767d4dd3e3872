using UserPool.Api.Accounts.Keys;
using UserPool.Api.Passwords.Transport;

namespace UserPool.Api.Hosting;

/// <summary>
/// Runs before the server listens: migrations, the accounts' unique keys brought to the current normalizer, the
/// first-pool bootstrap, then the transport keys.
/// </summary>
public sealed class DatabaseStartup(DatabaseMigrator migrator, KeyStartup keys, FirstPoolBootstrap bootstrap, PasswordTransport transport) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        await keys.RunAsync(cancellationToken);
        await bootstrap.RunAsync(cancellationToken);
        await transport.RefreshAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
