using System.Text.Json.Nodes;

namespace UserPool.Api.Accounts.Updating;

/// <summary>customData and metadata on update: the sent object's keys replace the stored ones (jsonb || in SQL).</summary>
public static class JsonMerge
{
    public static string? Objects(string? stored, string? sent)
    {
        if (sent is null)
        {
            return stored;
        }

        var merged = stored is null ? new JsonObject() : JsonNode.Parse(stored)!.AsObject();
        foreach (var (key, value) in JsonNode.Parse(sent)!.AsObject().ToList())
        {
            merged[key] = value?.DeepClone();
        }

        return merged.ToJsonString();
    }
}
