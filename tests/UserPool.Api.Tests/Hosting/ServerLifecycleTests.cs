using Npgsql;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Hosting;

/// <summary>The server as a process: first-start bootstrap, the pools/keys verbs, and a clean start on an empty database.</summary>
public sealed class ServerLifecycleTests
{
    [Fact]
    public async Task FirstStart_PrintsTheNewKeyOnce_AndTheSecondStartDoesNot()
    {
        var environment = new Dictionary<string, string> { ["ConnectionStrings__UserPool"] = await TestPostgres.CreateDatabaseAsync() };

        var first = await ServerProcess.StartAndStopAsync(environment);
        var second = await ServerProcess.StartAndStopAsync(environment);

        Assert.Contains("accessKeySecret", first);
        Assert.Matches(@"accessKeySecret [0-9a-f]{48}", first);
        Assert.DoesNotContain("accessKeySecret", second);
        Assert.Contains("Application started", second);
    }

    [Fact]
    public async Task ConfiguredBootstrapKey_IsUsedAndItsSecretNeverPrinted()
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__UserPool"] = await TestPostgres.CreateDatabaseAsync(),
            ["Bootstrap__AccessKeyId"] = "deploy-key",
            ["Bootstrap__AccessKeySecret"] = "deploy-secret-value-0123456789-abcdef",
        };

        var output = await ServerProcess.StartAndStopAsync(environment);

        Assert.Contains("deploy-key", output);
        Assert.DoesNotContain("deploy-secret-value-0123456789-abcdef", output);
    }

    [Fact]
    public async Task PoolsCreateVerb_PrintsANewPoolAndKey_ThatExistInTheDatabase()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var environment = new Dictionary<string, string> { ["ConnectionStrings__UserPool"] = connectionString };

        var (exitCode, output) = await ServerProcess.RunVerbAsync(environment, "pools", "create", "--name", "acme");

        Assert.Equal(0, exitCode);
        var poolId = System.Text.RegularExpressions.Regex.Match(output, @"userPoolId\s+([0-9a-f]{24})").Groups[1].Value;
        Assert.NotEmpty(poolId);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT name FROM user_pools WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", poolId);
        Assert.Equal("acme", await command.ExecuteScalarAsync());

        var (keyExit, keyOutput) = await ServerProcess.RunVerbAsync(environment, "keys", "create", "--pool", poolId);
        Assert.Equal(0, keyExit);
        Assert.Contains(poolId, keyOutput);
        Assert.Matches(@"accessKeySecret [0-9a-f]{48}", keyOutput);
    }

    [Fact]
    public async Task WithoutAConnectionString_StartsAPrivatePostgres_AndStopsItWithTheServer()
    {
        var dataDirectory = Path.Combine("/var/tmp", "userpool-lifecycle-" + Guid.NewGuid().ToString("N")[..8]);
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__UserPool"] = "",
            ["Database__LocalDataDirectory"] = dataDirectory,
        };
        try
        {
            var output = await ServerProcess.StartAndStopAsync(environment);

            Assert.Contains("accessKeySecret", output);
            var port = int.Parse(await File.ReadAllTextAsync(Path.Combine(dataDirectory, "userpool.port")));
            await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=postgres;Pooling=false;Timeout=3");
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync());
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task UnknownVerbArguments_PrintUsageAndFail()
    {
        var environment = new Dictionary<string, string> { ["ConnectionStrings__UserPool"] = await TestPostgres.CreateDatabaseAsync() };

        var (exitCode, output) = await ServerProcess.RunVerbAsync(environment, "pools", "create");

        Assert.Equal(2, exitCode);
        Assert.Contains("usage", output);
    }

    [Fact]
    public async Task InProduction_AConfiguredSecretShorterThan32Characters_StopsTheStartAndCreatesNothing()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__UserPool"] = connectionString,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Bootstrap__AccessKeySecret"] = "change-me-compose-secret",
        };

        var output = await ServerProcess.StartAndStopAsync(environment);

        Assert.Contains("must have at least 32", output);
        Assert.DoesNotContain("Application started", output);
        Assert.DoesNotContain("change-me-compose-secret", output);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM user_pools", connection);
        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task KeysVerbs_RefuseUnknownPoolsAndKeys()
    {
        var environment = new Dictionary<string, string> { ["ConnectionStrings__UserPool"] = await TestPostgres.CreateDatabaseAsync() };

        var (listExit, listOutput) = await ServerProcess.RunVerbAsync(environment, "keys", "list", "--pool", "no-such-pool");
        var (revokeExit, revokeOutput) = await ServerProcess.RunVerbAsync(environment, "keys", "revoke", "no-such-key");

        Assert.Equal(1, listExit);
        Assert.Contains("No user pool has the id no-such-pool", listOutput);
        Assert.Equal(1, revokeExit);
        Assert.Contains("No access key has the id no-such-key", revokeOutput);
    }

    [Theory]
    [InlineData("key", "list")]
    [InlineData("pool", "create", "--name", "acme")]
    [InlineData("serve")]
    public async Task UnknownVerb_PrintsUsageAndExits2_WithoutStartingPostgresOrListening(params string[] args)
    {
        // No connection string: building the host would start a private PostgreSQL in this directory.
        var dataDirectory = Path.Combine("/var/tmp", "userpool-unknown-verb-" + Guid.NewGuid().ToString("N")[..8]);
        var port = ServerProcess.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__UserPool"] = "",
            ["Database__LocalDataDirectory"] = dataDirectory,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        };

        var (exitCode, output) = await ServerProcess.RunVerbAsync(environment, args);

        Assert.Equal(2, exitCode);
        Assert.Contains($"unknown command \"{args[0]}\"", output);
        Assert.Contains("usage:", output);
        Assert.Contains("keys revoke", output); // the whole usage, the key lifecycle's verbs included
        Assert.DoesNotContain("Application started", output);
        Assert.False(Directory.Exists(dataDirectory), "a private PostgreSQL cluster was created");
        using var probe = new System.Net.Sockets.TcpClient();
        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => probe.ConnectAsync("127.0.0.1", port));
    }
}
