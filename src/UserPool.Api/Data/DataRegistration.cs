using Microsoft.EntityFrameworkCore;
using Npgsql;
using UserPool.Api.Hosting.LocalPostgres;

namespace UserPool.Api.Data;

public static class DataRegistration
{
    public static WebApplicationBuilder AddUserPoolData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<DeadlockRetry>();
        builder.Services.AddSingleton<PoolReadLimiter>();
        builder.Services.AddScoped<ReadTransaction>();
        var connectionString = builder.AddLocalPostgresWhenUnconfigured()
            ? LocalPostgresHosting.Unstarted
            : builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)!;

        // One data source for EF Core and for the raw Npgsql paths (COPY, nonce inserts), so both share the pool.
        // AddNpgsqlDataSource hands Npgsql the host's logger factory, so its own lines (connection failures, pool
        // and protocol errors) reach the host's logging under the "Npgsql" categories. Parameter values (hashes,
        // protected secrets) are never logged: parameter logging stays off, whatever the log level.
        var settings = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddNpgsqlDataSource(WithDefaults(connectionString, settings), (services, dataSource) =>
        {
            LocalPostgresHosting.PointAtLocalCluster(services, dataSource.ConnectionStringBuilder);
            dataSource.EnableParameterLogging(false);
        });
        builder.Services.AddDbContextPool<UserPoolDbContext>((services, options) => options
            .UseNpgsql(services.GetRequiredService<NpgsqlDataSource>())
            .UseSnakeCaseNamingConvention());
        return builder;
    }

    /// <summary>
    /// Error detail carries the conflicting key of a unique violation, which maps a concurrent duplicate
    /// back to its item. Short timeouts turn an unreachable database or an exhausted pool into a prompt 503
    /// instead of a hang; a bounded pool leaves PostgreSQL's other connections to other replicas and administrators.
    /// What the connection string sets itself wins.
    /// </summary>
    public const string ApplicationName = "UserPool";

    private static string WithDefaults(string connectionString, DatabaseOptions settings)
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString) { IncludeErrorDetail = true };
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("Timeout"))
        {
            csb.Timeout = settings.ConnectionWaitSeconds;
        }

        // Named, so an operator (and the connection-bound test) can tell the server's connections in pg_stat_activity.
        if (!given.ContainsKey("Application Name") && !given.ContainsKey("ApplicationName"))
        {
            csb.ApplicationName = ApplicationName;
        }

        if (!given.ContainsKey("Maximum Pool Size") && !given.ContainsKey("Max Pool Size"))
        {
            csb.MaxPoolSize = settings.MaxPoolSize;
        }

        // Npgsql resets a pooled connection's session with five statements every time it is handed out again (a 50-user
        // batch opens one or two). The server leaves no session state behind to reset: its settings are SET LOCAL, its
        // temporary table is ON COMMIT DROP and its advisory locks are transaction locks; a transaction left open is
        // rolled back on close either way.
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            csb.NoResetOnClose = true;
        }

        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            csb.MaxAutoPrepare = settings.MaxAutoPrepare;
        }

        return csb.ConnectionString;
    }
}
