using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Respawn;
using UserPool.Api.Data;

namespace UserPool.Api.Tests.Infrastructure;

/// <summary>
/// The real server (WebApplicationFactory) on its own real PostgreSQL database, one per test collection.
/// Respawn empties the data between tests but keeps the pools, their keys and the server-wide keys.
/// </summary>
public class UserPoolApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AccessKeyId = "test-access-key";
    public const string AccessKeySecret = "test-access-key-secret-0123456789";

    private Respawner? _respawner;

    public string ConnectionString { get; private set; } = "";
    public string PoolId { get; private set; } = "";

    /// <summary>Settings a derived factory changes (e.g. a low rate limit).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync();
        _ = Services; // starts the host: migrations and bootstrap run now
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT user_pool_id FROM access_keys WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", AccessKeyId);
        PoolId = (string)(await command.ExecuteScalarAsync())!;
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = ["__EFMigrationsHistory", "data_protection_keys", "transport_keys", "user_pools", "access_keys"],
        });
    }

    /// <summary>Empties every table but the pools and keys; call at the start of a test.</summary>
    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await _respawner!.ResetAsync(connection);
    }

    public SignedClient CreateSignedClient(string accessKeyId = AccessKeyId, string secret = AccessKeySecret) =>
        new(CreateClient(), accessKeyId, secret);

    public UserPoolDbContext CreateDbContext() =>
        Services.CreateScope().ServiceProvider.GetRequiredService<UserPoolDbContext>();

    public new Task DisposeAsync() => base.DisposeAsync().AsTask();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:UserPool", ConnectionString);
        builder.UseSetting("Bootstrap:AccessKeyId", AccessKeyId);
        builder.UseSetting("Bootstrap:AccessKeySecret", AccessKeySecret);
        builder.UseSetting("Passwords:BcryptWorkFactor", "4");
        builder.UseSetting("Security:RateLimitPerSecond", "100000");
        builder.UseSetting("Security:AnonymousRateLimitPerSecond", "100000");
        // Many suites send forged requests on purpose, and every in-memory request has the same (no) address:
        // the failed-authentication limits are lowered only by the factories that test them.
        builder.UseSetting("FailedAuthentication:PerAddressLimit", "1000000");
        builder.UseSetting("FailedAuthentication:PerKeyAndAddressLimit", "1000000");
        // Outbox rows stay as the create pipeline wrote them; the notification tests run a dispatcher of their own.
        builder.UseSetting("Notifications:DispatcherEnabled", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
