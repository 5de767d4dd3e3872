using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using UserPool.Api.Data.Entities;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.CustomFields;

/// <summary>The custom-field endpoints, the ones that exist now, as the test's way to cause and observe an effect.</summary>
public static class CustomFieldCalls
{
    public const string SetPath = "/api/v3/set-custom-fields";
    public const string GetPath = "/api/v3/get-custom-fields";

    public static JsonObject SetBody(string key, string? label = null, string targetType = "USER") => new()
    {
        ["list"] = new JsonArray(new JsonObject
        {
            ["targetType"] = targetType,
            ["key"] = key,
            ["dataType"] = "STRING",
            ["label"] = label ?? key,
        }),
    };

    public static NodeSdkRequest Set(string key, string? label = null) => NodeSdkRequest.Post(SetPath, SetBody(key, label));

    public static NodeSdkRequest GetUserFields() => NodeSdkRequest.Get(GetPath, ("targetType", "USER"));

    /// <summary>The pool's stored definitions, read from the database rather than through the API under test.</summary>
    public static async Task<List<CustomFieldDefinition>> StoredAsync(this UserPoolApiFactory api, string? poolId = null)
    {
        await using var db = api.CreateDbContext();
        var pool = poolId ?? api.PoolId;
        return await db.CustomFieldDefinitions.AsNoTracking().Where(f => f.UserPoolId == pool).OrderBy(f => f.Key).ToListAsync();
    }

    public static IEnumerable<string> KeysIn(JsonObject envelope) =>
        envelope["data"]!.AsArray().Select(field => (string)field!["key"]!);
}
