using System.Text.Json.Nodes;

namespace UserPool.Api.Tests.Reliability;

/// <summary>
/// Random batches whose unique keys are drawn from small shared sets, so concurrent clients collide on
/// e-mail (in other case), phone, username, externalId and identities, across users and public accounts.
/// Every item carries a unique marker (its name) to find it afterwards.
/// </summary>
public sealed class RaceWorkload(int seed)
{
    private readonly Random _random = new(seed);

    public sealed record Batch(string Path, bool PublicAccounts, List<Dictionary<string, object?>> Items);

    public Batch Next(int batchNumber, int client)
    {
        var publicAccounts = _random.Next(3) == 0;
        var items = Enumerable.Range(0, _random.Next(1, 6)).Select(i => Item($"c{client}-b{batchNumber}-i{i}", publicAccounts)).ToList();
        return new Batch(publicAccounts ? "/api/v3/create-public-accounts-batch" : "/api/v3/create-users-batch", publicAccounts, items);
    }

    private Dictionary<string, object?> Item(string marker, bool publicAccount)
    {
        var item = new Dictionary<string, object?> { ["name"] = marker, ["username"] = Pick("user", 4000) };
        if (_random.Next(2) == 0)
        {
            var email = $"{Pick("mail", 800)}@example.com";
            item["email"] = _random.Next(2) == 0 ? email.ToUpperInvariant() : email;
        }

        if (_random.Next(2) == 0)
        {
            item["phone"] = "139" + _random.Next(800).ToString("D8");
        }

        if (_random.Next(3) == 0)
        {
            item["externalId"] = Pick("ext", 400);
        }

        if (!publicAccount && _random.Next(3) == 0)
        {
            item["identities"] = new[] { new { extIdpId = "idp", provider = "github", type = "primary", userIdInIdp = Pick("gh", 300) } };
        }

        return item;
    }

    private string Pick(string prefix, int spread) => $"{prefix}{_random.Next(spread)}";

    /// <summary>The normalized unique keys of an item, as (field, key) pairs.</summary>
    public static IEnumerable<(string Field, string Key)> KeysOf(IReadOnlyDictionary<string, object?> item)
    {
        if (item.TryGetValue("email", out var email) && email is string e) yield return ("email", e.ToLowerInvariant());
        if (item.TryGetValue("phone", out var phone) && phone is string p) yield return ("phone", "+86 " + p);
        if (item.TryGetValue("username", out var username) && username is string u) yield return ("username", u.ToLowerInvariant());
        if (item.TryGetValue("externalId", out var externalId) && externalId is string x) yield return ("externalId", x);
        if (item.TryGetValue("identities", out var identities) && identities is not null)
        {
            var node = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(identities))![0]!;
            yield return ("identities[0]", $"{node["extIdpId"]}/{node["type"]}/{node["userIdInIdp"]}");
        }
    }
}
