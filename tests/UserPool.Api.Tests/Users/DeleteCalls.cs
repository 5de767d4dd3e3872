using System.Text.Json;
using System.Text.Json.Nodes;
using UserPool.Api.Tests.Accounts;
using UserPool.Api.Tests.CustomFields;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Users;

/// <summary>Calling the batch deletes and reading back what remains of an account.</summary>
internal static class DeleteCalls
{
    public const string UsersPath = "/api/v3/delete-users-batch";
    public const string PublicAccountsPath = "/api/v3/delete-public-accounts-batch";

    public static Task<JsonObject> DeleteAsync(this SignedClient client, string path, object userIds, object? options = null) =>
        client.PostEnvelopeAsync(path, new { userIds, options });

    public static async Task<(JsonObject Envelope, bool Replayed)> DeleteWithKeyAsync(this SignedClient client, string path, object body, string key)
    {
        var request = client.Sign(HttpMethod.Post, path, JsonSerializer.Serialize(body, Json.Options));
        request.Headers.Add("Idempotency-Key", key);
        var response = await client.Http.SendAsync(request);
        return (await Envelopes.ReadAsync(response), response.Headers.Contains("Idempotent-Replayed"));
    }

    public static void AssertDeleted(JsonObject envelope)
    {
        Assert.True((int)envelope["statusCode"]! == 200, envelope.ToJsonString());
        Assert.True((bool)envelope["data"]!["success"]!);
    }

    /// <summary>The account ids still stored, of any kind.</summary>
    public static async Task<string[]> StoredIdsAsync(this UserPoolApiFactory api) =>
        [.. (await api.SqlAsync("SELECT id FROM accounts ORDER BY id")).Select(id => id!)];

    /// <summary>Rows of every table that refers to an account, for these accounts.</summary>
    public static async Task<int> DependentRowsAsync(this UserPoolApiFactory api, params string[] accountIds)
    {
        var total = 0;
        foreach (var table in new[] { "identities", "account_departments", "account_tenants", "custom_field_unique_values", "notification_outbox" })
        {
            total += (await api.SqlAsync($"SELECT count(*) FROM {table} WHERE account_id = ANY($1)", (object)accountIds)).Select(n => int.Parse(n!, System.Globalization.CultureInfo.InvariantCulture)).Single();
        }

        return total;
    }

    public static string Id(JsonObject account) => (string)account["userId"]!;

    public static (int? Index, string Field, string Code)[] Errors(JsonObject envelope) =>
        [.. envelope["errors"]!.AsArray().Select(e => ((int?)e!["index"], (string)e["field"]!, (string)e["code"]!))];

    public static Task<JsonObject[]> CreateUsersAsync(SignedClient client, int count) =>
        AccountSeed.CreateUsersAsync(client, [.. Enumerable.Range(0, count).Select(_ => SampleUsers.Full())]);
}
