using System.Text.Json.Nodes;
using Npgsql;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.CustomFields;

/// <summary>Defining fields, creating accounts and reading rows back for the custom-field promise tests.</summary>
internal static class PromiseCalls
{
    public static async Task<JsonObject> DefineAsync(this SignedClient client, string key, string dataType = "STRING",
        bool? isUnique = null, bool? encrypted = null, object[]? options = null) =>
        await client.PostEnvelopeAsync("/api/v3/set-custom-fields", new
        {
            list = new[] { new { targetType = "USER", key, dataType, isUnique, encrypted, options } },
        });

    public static async Task DefineOkAsync(this SignedClient client, string key, string dataType = "STRING", bool? isUnique = null, bool? encrypted = null)
    {
        var envelope = await client.DefineAsync(key, dataType, isUnique, encrypted);
        Assert.Equal(200, (int)envelope["statusCode"]!);
    }

    public static Task<JsonObject> CreateUsersAsync(this SignedClient client, params object[] items) =>
        client.PostEnvelopeAsync("/api/v3/create-users-batch", new { list = items });

    public static async Task<string> CreateUserAsync(this SignedClient client, object item, string path = "/api/v3/create-users-batch")
    {
        var envelope = await client.PostEnvelopeAsync(path, new { list = new[] { item } });
        Assert.Equal(200, (int)envelope["statusCode"]!);
        return (string)envelope["data"]![0]!["userId"]!;
    }

    /// <summary>A single-column query on the test database, read as text (bypassing the API under test).</summary>
    public static async Task<List<string?>> SqlAsync(this UserPoolApiFactory api, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var values = new List<string?>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.IsDBNull(0) ? null : reader.GetValue(0).ToString());
        }

        return values;
    }

    public static Task<List<string?>> UniqueRowsAsync(this UserPoolApiFactory api, string key) =>
        api.SqlAsync("SELECT account_id FROM custom_field_unique_values WHERE field_key = $1 ORDER BY account_id", key);
}
