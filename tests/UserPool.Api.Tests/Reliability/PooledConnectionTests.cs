using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Reliability;

/// <summary>
/// The server's connections skip Npgsql's session reset when they go back to the pool (No Reset On Close), on the
/// ground that the server leaves no session state behind. What it relies on is held here: a connection handed back
/// in the middle of a transaction (an exception between BEGIN and COMMIT) comes out of the pool again with that
/// transaction rolled back, its SET LOCAL and its temporary table gone.
/// </summary>
[Collection(AccountsCollection.Name)]
public sealed class PooledConnectionTests(UserPoolApiFactory api)
{
    [Fact]
    public async Task A_connection_handed_back_inside_a_transaction_comes_out_of_the_pool_clean()
    {
        var server = new NpgsqlConnectionStringBuilder(api.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString);
        Assert.True(server.NoResetOnClose);
        // The server's settings on a pool of one, so the second open is sure to get the same session back.
        var single = new NpgsqlConnectionStringBuilder(api.ConnectionString) { NoResetOnClose = true, MaxPoolSize = 1 };
        await using var dataSource = NpgsqlDataSource.Create(single.ConnectionString);

        int first;
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            first = connection.ProcessID;
            var left = await connection.BeginTransactionAsync();
            await ExecuteAsync(connection, "SET LOCAL statement_timeout = 1234");
            await ExecuteAsync(connection, "CREATE TEMP TABLE left_behind (x int)");
            GC.KeepAlive(left);
        }

        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            Assert.Equal(first, connection.ProcessID);
            Assert.Equal("0", await ScalarAsync(connection, "SHOW statement_timeout"));
            Assert.Null(await ScalarAsync(connection, "SELECT to_regclass('pg_temp.left_behind')::text"));
            Assert.Null(await ScalarAsync(connection, "SELECT txid_current_if_assigned()::text"));
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync() is string text ? text : null;
    }
}
