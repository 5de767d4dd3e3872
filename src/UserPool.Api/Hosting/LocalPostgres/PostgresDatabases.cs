using Npgsql;

namespace UserPool.Api.Hosting.LocalPostgres;

/// <summary>Creates databases on a freshly started (or reused) server through its maintenance database.</summary>
internal static class PostgresDatabases
{
    private static readonly TimeSpan StartupRetryDelay = TimeSpan.FromMilliseconds(250);
    private const int StartupRetryAttempts = 120;

    public static async Task EnsureExistsAsync(
        string maintenanceConnectionString, string databaseName, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(maintenanceConnectionString, cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
        {
            Parameters = { new NpgsqlParameter { Value = databaseName } },
        };
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
            return;

        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(databaseName)}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState
            is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // A concurrent creator won the race; the database exists either way.
        }
    }

    // A reused server may still be replaying WAL after its owner crashed; it refuses connections until done.
    private static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var connection = new NpgsqlConnection(connectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                return connection;
            }
            catch (PostgresException exception) when (
                exception.SqlState == PostgresErrorCodes.CannotConnectNow && attempt < StartupRetryAttempts)
            {
                await connection.DisposeAsync();
                await Task.Delay(StartupRetryDelay, cancellationToken);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}
