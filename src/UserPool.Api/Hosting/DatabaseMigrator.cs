using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql.EntityFrameworkCore.PostgreSQL;
using UserPool.Api.Data;

namespace UserPool.Api.Hosting;

/// <summary>
/// Applies migrations inside a retrying execution strategy (the database may still be starting, as in
/// docker compose) and fails start-up loudly when they cannot be applied.
/// </summary>
public sealed class DatabaseMigrator(IServiceScopeFactory scopes, IOptions<DatabaseOptions> options, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ApplyMigrationsOnStartup)
        {
            logger.LogInformation("Migrations at start-up are turned off (Database:ApplyMigrationsOnStartup)");
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UserPoolDbContext>();
        var strategy = new NpgsqlRetryingExecutionStrategy(db, maxRetryCount: 6, maxRetryDelay: TimeSpan.FromSeconds(5), errorCodesToAdd: null);
        try
        {
            await strategy.ExecuteAsync(() => db.Database.MigrateAsync(cancellationToken));
        }
        catch (Exception exception)
        {
            throw new InvalidOperationException("Applying database migrations failed; the server will not start.", exception);
        }

        logger.LogInformation("Database schema is up to date");
    }
}
