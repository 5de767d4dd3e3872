using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using UserPool.Api.Data;
using UserPool.Api.Hosting.LocalPostgres;

namespace UserPool.Api.Tests.Hosting;

/// <summary>Without a connection string, registration only registers the private cluster; its first need starts it.</summary>
public sealed class LocalPostgresHostingTests
{
    [Fact]
    public async Task WithoutAConnectionString_BuildingStartsNothing_TheDataSourceStartsTheClusterAndDisposingStopsIt()
    {
        var dataDirectory = Path.Combine("/var/tmp", "userpool-hosting-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:UserPool"] = "",
                ["Database:LocalDataDirectory"] = dataDirectory,
            });
            builder.AddUserPoolData();
            int port;
            await using (var app = builder.Build())
            {
                Assert.False(Directory.Exists(dataDirectory), "building the host created the cluster");

                var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();

                await using var command = dataSource.CreateCommand("SELECT current_setting('application_name')");
                Assert.Equal(DataRegistration.ApplicationName, await command.ExecuteScalarAsync());
                var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
                Assert.Equal((20, 5), (settings.MaxPoolSize, settings.Timeout));
                port = app.Services.GetRequiredService<LocalPostgresCluster>().Port;
                Assert.Equal(port, settings.Port);
            }

            await using var after = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=postgres;Pooling=false;Timeout=3");
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => after.OpenAsync());
        }
        finally
        {
            if (Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
    }
}
