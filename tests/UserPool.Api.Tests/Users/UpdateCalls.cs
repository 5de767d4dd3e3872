using System.Text.Json.Nodes;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Users;

/// <summary>Accounts made through the real create endpoints, for the update tests.</summary>
internal static class UpdateCalls
{
    public static async Task<string[]> CreateUsersAsync(SignedClient client, params object[] items) =>
        await CreateAsync(client, "/api/v3/create-users-batch", items);

    public static async Task<string[]> CreatePublicAccountsAsync(SignedClient client, params object[] items) =>
        await CreateAsync(client, "/api/v3/create-public-accounts-batch", items);

    private static async Task<string[]> CreateAsync(SignedClient client, string path, object[] items)
    {
        var envelope = await client.PostEnvelopeAsync(path, new { list = items });
        Assert.Equal(200, (int)envelope["statusCode"]!);
        return envelope["data"]!.AsArray().Select(a => (string)a!["userId"]!).ToArray();
    }

    public static JsonObject SingleError(JsonObject envelope) => Assert.Single(envelope["errors"]!.AsArray())!.AsObject();
}
