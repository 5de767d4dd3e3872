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
        builder.StartLocalPostgresWhenUnconfigured();
        var connectionString = builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new LocalPostgresUnavailableException();
        }

        // One data source for EF Core and for the raw Npgsql paths (COPY, nonce inserts), so both share the pool.
        var dataSource = new NpgsqlDataSourceBuilder(WithDefaults(connectionString)).Build();
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddDbContextPool<UserPoolDbContext>(options => options
            .UseNpgsql(dataSource)
            .UseSnakeCaseNamingConvention());
        return builder;
    }

    /// <summary>
    /// Error detail carries the conflicting key of a unique violation, which maps a concurrent duplicate
    /// back to its item. Short timeouts turn an unreachable database into a prompt 503 instead of a hang.
    /// </summary>
    private static string WithDefaults(string connectionString)
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString) { IncludeErrorDetail = true };
        if (!new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.ContainsKey("Timeout"))
        {
            csb.Timeout = 5;
        }

        return csb.ConnectionString;
    }
}
