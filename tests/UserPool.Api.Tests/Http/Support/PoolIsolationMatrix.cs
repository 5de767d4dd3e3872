using System.Text.Json.Nodes;
using Npgsql;

namespace UserPool.Api.Tests.Http.Support;

/// <summary>
/// One call another pool's caller makes against data the victim pool owns. Add a row to
/// <see cref="PoolIsolationMatrix.Probes"/> for every endpoint that exists; the isolation tests run
/// each probe with every kind of credential of the other pool.
/// </summary>
/// <param name="Name">Shown in the test name.</param>
/// <param name="Body">The POST body (null for GET); it may name the victim's data, as an attacker would.</param>
public sealed record PoolProbe(string Name, HttpMethod Method, string Path, (string Key, string Value)[] Query, JsonObject? Body)
{
    public override string ToString() => Name;
}

public static class PoolIsolationMatrix
{
    public const string VictimFieldKey = "victim_field";

    /// <summary>A marker only the victim's data holds: it must never appear in another pool's answers.</summary>
    public const string VictimMarker = "VICTIM-ONLY-7f3a9c";

    /// <summary>Calls, signed by the victim's own key, that give the victim data for every probe to aim at.</summary>
    public static IEnumerable<NodeSdkRequest> VictimSeed()
    {
        foreach (var targetType in new[] { "USER", "DEPARTMENT" })
        {
            yield return NodeSdkRequest.Post("/api/v3/set-custom-fields", new JsonObject
            {
                ["list"] = new JsonArray(new JsonObject
                {
                    ["targetType"] = targetType,
                    ["key"] = VictimFieldKey,
                    ["dataType"] = "STRING",
                    ["label"] = VictimMarker,
                    ["description"] = VictimMarker,
                }),
            });
        }
    }

    public static readonly PoolProbe[] Probes =
    [
        new("read USER custom fields", HttpMethod.Get, "/api/v3/get-custom-fields", [("targetType", "USER")], null),
        new("read DEPARTMENT custom fields", HttpMethod.Get, "/api/v3/get-custom-fields", [("targetType", "DEPARTMENT")], null),
        new("relabel the victim's custom field", HttpMethod.Post, "/api/v3/set-custom-fields", [], new JsonObject
        {
            ["list"] = new JsonArray(new JsonObject { ["targetType"] = "USER", ["key"] = VictimFieldKey, ["label"] = "taken over" }),
        }),
        new("retype the victim's custom field", HttpMethod.Post, "/api/v3/set-custom-fields", [], new JsonObject
        {
            ["list"] = new JsonArray(new JsonObject { ["targetType"] = "DEPARTMENT", ["key"] = VictimFieldKey, ["dataType"] = "NUMBER" }),
        }),
    ];

    public static PoolProbe Probe(string name) => Probes.Single(p => p.Name == name);

    /// <summary>
    /// Every row of the pool in every table that has a user_pool_id column, as text: equal snapshots mean the pool's
    /// data did not change. New tables join automatically.
    /// </summary>
    public static async Task<string> SnapshotAsync(string connectionString, string poolId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'user_pool_id' ORDER BY table_name",
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("custom_field_definitions", tables);
        var snapshot = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            await using var rows = new NpgsqlCommand(
                $"SELECT coalesce(string_agg(row_to_json(t)::text, E'\\n' ORDER BY row_to_json(t)::text), '') FROM \"{table}\" t WHERE user_pool_id = $1",
                connection);
            rows.Parameters.Add(new NpgsqlParameter { Value = poolId });
            snapshot.Append(table).Append(":\n").Append(await rows.ExecuteScalarAsync()).Append('\n');
        }

        return snapshot.ToString();
    }
}
