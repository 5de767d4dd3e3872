using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using UserPool.Api.Data.Entities;
using UserPool.Api.Hosting;
using UserPool.Api.Infrastructure;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Accounts;

/// <summary>
/// Seeds the data read tests need through the real endpoints; only departments, which have no endpoint yet,
/// are written straight into the database.
/// </summary>
public static class AccountSeed
{
    public static async Task<JsonObject[]> CreateUsersAsync(SignedClient client, params Dictionary<string, object?>[] list) =>
        await CreateAsync(client, "/api/v3/create-users-batch", list);

    public static async Task<JsonObject[]> CreatePublicAccountsAsync(SignedClient client, params Dictionary<string, object?>[] list) =>
        await CreateAsync(client, "/api/v3/create-public-accounts-batch", list);

    public static async Task<JsonObject> CreateUserAsync(SignedClient client, Dictionary<string, object?>? user = null) =>
        (await CreateUsersAsync(client, user ?? SampleUsers.Full()))[0];

    /// <summary>Defines USER custom fields (customData keys must be defined before use).</summary>
    public static async Task DefineCustomFieldsAsync(SignedClient client, params (string Key, string DataType)[] fields)
    {
        var list = fields.Select(f => new { targetType = "USER", key = f.Key, dataType = f.DataType, label = f.Key });
        var envelope = await client.PostEnvelopeAsync("/api/v3/set-custom-fields", new { list });
        Assert.True((int)envelope["statusCode"]! == 200, envelope.ToJsonString());
    }

    /// <summary>An organization with one department per name; returns the department ids.</summary>
    public static async Task<string[]> CreateDepartmentsAsync(UserPoolApiFactory api, params string[] names)
    {
        await using var db = api.CreateDbContext();
        var now = DateTime.UtcNow;
        var organization = new Organization
        {
            UserPoolId = api.PoolId, Id = ObjectIds.New(), Code = "org-" + SampleUsers.Token(), Name = "Org", CreatedAt = now, UpdatedAt = now,
        };
        db.Organizations.Add(organization);
        var departments = names.Select(name => new Department
        {
            UserPoolId = api.PoolId, Id = ObjectIds.New(), OrganizationId = organization.Id, Name = name, CreatedAt = now, UpdatedAt = now,
        }).ToList();
        db.Departments.AddRange(departments);
        await db.SaveChangesAsync();
        return departments.Select(d => d.Id).ToArray();
    }

    /// <summary>
    /// A client authenticated the Python/Go/Java way (management token + pool header): it sends bodies and
    /// queries a signature cannot cover, so they reach the endpoint.
    /// </summary>
    public static async Task<HttpClient> CreateTokenClientAsync(UserPoolApiFactory api)
    {
        var http = api.CreateClient();
        var response = await http.PostAsync("/api/v3/get-management-token", new StringContent(
            $$"""{"accessKeyId":"{{UserPoolApiFactory.AccessKeyId}}","accessKeySecret":"{{UserPoolApiFactory.AccessKeySecret}}"}""",
            System.Text.Encoding.UTF8, "application/json"));
        var token = (string)(await Envelopes.ReadAsync(response))["data"]!["access_token"]!;
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        http.DefaultRequestHeaders.Add("x-authing-userpool-id", api.PoolId);
        return http;
    }

    /// <summary>Asserts a business failure: HTTP 200, the status code and the exact message in the envelope.</summary>
    public static void AssertFailure(JsonObject envelope, int statusCode, string message)
    {
        Assert.True((int)envelope["statusCode"]! == statusCode, envelope.ToJsonString());
        Assert.Equal(message, (string)envelope["message"]!);
        Assert.Null(envelope["data"]);
    }

    public static JsonObject Data(JsonObject envelope)
    {
        Assert.True((int)envelope["statusCode"]! == 200, envelope.ToJsonString());
        return envelope["data"]!.AsObject();
    }

    private static async Task<JsonObject[]> CreateAsync(SignedClient client, string path, Dictionary<string, object?>[] list)
    {
        var envelope = await client.PostEnvelopeAsync(path, new { list });
        Assert.True((int)envelope["statusCode"]! == 200, envelope.ToJsonString());
        return envelope["data"]!.AsArray().Select(n => n!.AsObject()).ToArray();
    }
}

[CollectionDefinition(Name)]
public sealed class AccountReadsCollection : ICollectionFixture<UserPoolApiFactory>
{
    public const string Name = "account-reads";
}
