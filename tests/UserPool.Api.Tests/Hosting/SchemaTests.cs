using Microsoft.EntityFrameworkCore;
using Npgsql;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Hosting;

[Collection(ApiCollection.Name)]
public sealed class SchemaTests(UserPoolApiFactory api)
{
    /// <summary>Server-wide tables with no pool: the Data Protection key ring, the transport keys, the pools themselves.</summary>
    private static readonly string[] ServerWideTables = ["data_protection_keys", "transport_keys", "user_pools", "__EFMigrationsHistory"];

    [Fact]
    public void Model_HasNoChangesMissingFromTheMigrations()
    {
        using var db = api.CreateDbContext();

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task EveryPrimaryUniqueAndForeignKey_IncludesTheUserPoolId()
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT c.conrelid::regclass::text, c.conname
            FROM pg_constraint c
            WHERE c.contype IN ('p', 'u', 'f') AND c.connamespace = 'public'::regnamespace
              AND NOT EXISTS (SELECT 1 FROM unnest(c.conkey) k JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k
                              WHERE a.attname = 'user_pool_id')
            UNION ALL
            SELECT i.indrelid::regclass::text, ix.relname
            FROM pg_index i JOIN pg_class ix ON ix.oid = i.indexrelid
            WHERE i.indisunique AND ix.relnamespace = 'public'::regnamespace
              AND NOT EXISTS (SELECT 1 FROM unnest(i.indkey) k JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k
                              WHERE a.attname = 'user_pool_id')
            """, connection);
        var offenders = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (!ServerWideTables.Contains(reader.GetString(0).Trim('"')))
            {
                offenders.Add($"{reader.GetString(0)}.{reader.GetString(1)}");
            }
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public async Task IndexesAndConstraints_HaveExplicitNames()
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory'", connection);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        Assert.All(names, name => Assert.Matches("^(pk|ux|ix)_", name));
    }
}
