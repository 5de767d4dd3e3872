using Npgsql;
using Testcontainers.PostgreSql;
using UserPool.Api.Hosting;
using UserPool.Api.Hosting.LocalPostgres;

namespace UserPool.Api.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL server for the whole test run: a Testcontainers container when a Docker engine answers,
/// otherwise the same private cluster launcher `dotnet run` uses. Each fixture gets its own database.
/// </summary>
public static class TestPostgres
{
    private const string Image = "postgres:15.10-alpine";
    private static readonly Lazy<Task<Func<string, string>>> Server = new(StartAsync);

    /// <summary>Creates a fresh, empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var connectionStringFor = await Server.Value;
        var name = "test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(connectionStringFor("postgres")))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return connectionStringFor(name);
    }

    private static async Task<Func<string, string>> StartAsync()
    {
        try
        {
            var container = new PostgreSqlBuilder(Image).Build();
            await container.StartAsync();
            return database => new NpgsqlConnectionStringBuilder(container.GetConnectionString()) { Database = database }.ConnectionString;
        }
        catch (Exception exception) when (IsDockerUnavailable(exception))
        {
            var dataDirectory = Path.Combine(
                RepositoryRoot.Find() ?? throw new InvalidOperationException("Tests must run from inside the repository."), ".data", "test-postgres");
            var cluster = new LocalPostgresCluster(dataDirectory, PostgresBinaries.LocateOrThrow());
            await cluster.StartAsync();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Dispose();
            return cluster.ConnectionStringFor;
        }
    }

    private static bool IsDockerUnavailable(Exception exception) =>
        exception is DotNet.Testcontainers.Builders.DockerUnavailableException
        || exception.GetType().Name.Contains("Docker", StringComparison.Ordinal)
        || exception.InnerException is { } inner && IsDockerUnavailable(inner);
}
