using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using UserPool.Api.Accounts.Reading;
using UserPool.Api.Data.Entities;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Accounts.Reading;

/// <summary>
/// The update path reads its accounts with a hand-written reader (AccountRows) instead of EF Core. Held here to EF
/// Core's mapping: a stored account whose every column holds a value no other column holds reads the same, property by
/// property, both ways; a column the reader forgot, or read into a neighbour's property, fails.
/// </summary>
[Collection(AccountsCollection.Name)]
public sealed class AccountRowsTests(UserPoolApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AccountRows_ReadsEveryColumnIntoThePropertyEfCoreMapsItTo()
    {
        using var client = api.CreateSignedClient();
        var userId = (string)(await AccountSeed.CreateUsersAsync(client, SampleUsers.Full()))[0]["userId"]!;
        await using var db = api.CreateDbContext();
        await GiveEveryColumnADistinctValueAsync(db, userId);

        var byEf = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == userId);
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        var byHand = Assert.Single(await AccountLookup.FindAsync(connection, api.PoolId, AccountKind.User, AccountIdType.UserId,
            [AccountKey.Parse(AccountIdType.UserId, userId)], CancellationToken.None));

        foreach (var property in typeof(Account).GetProperties())
        {
            var expected = JsonSerializer.Serialize(property.GetValue(byEf));
            Assert.True(expected != "null", $"{property.Name} is null in the sample row, so it proves nothing");
            Assert.True(expected == JsonSerializer.Serialize(property.GetValue(byHand)),
                $"{property.Name}: EF Core reads {expected}, AccountRows reads {JsonSerializer.Serialize(property.GetValue(byHand))}");
        }
    }

    /// <summary>Every column but the key and kind gets a value of its type that no other column holds.</summary>
    private async Task GiveEveryColumnADistinctValueAsync(Data.UserPoolDbContext db, string userId)
    {
        var entity = db.Model.FindEntityType(typeof(Account))!;
        var table = StoreObjectIdentifier.Table("accounts", entity.GetSchema());
        var assignments = entity.GetProperties()
            .Select(p => (Column: p.GetColumnName(table)!, Type: p.GetColumnType(table)))
            .Where(c => c.Column is not ("user_pool_id" or "id" or "kind"))
            .Select((c, i) => $"{c.Column} = " + (c.Type switch
            {
                "boolean" => i % 2 == 0 ? "true" : "false",
                "integer" => $"{100 + i}",
                "timestamp with time zone" => $"timestamptz '2020-01-01 00:00:00+00' + interval '{i} days {i} seconds'",
                "text[]" => $"ARRAY['v{i}', 'w{i}']",
                "jsonb" => $"'{{\"v{i}\": {i}}}'::jsonb",
                _ => $"'v{i}'",
            }));
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"UPDATE accounts SET {string.Join(", ", assignments)} WHERE user_pool_id = $1 AND id = $2", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = api.PoolId });
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
