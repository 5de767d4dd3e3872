using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using UserPool.Api.Data.Entities;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Accounts;

[Collection(AccountsCollection.Name)]
public sealed class CreatePublicAccountsTests(UserPoolApiFactory api) : IAsyncLifetime
{
    /// <summary>The list item of the public-accounts seed (shared/seeds/000…), every field, with its line-wrap typo mended.</summary>
    private const string SeedItem = """
        {"status":"Activated","email":"test@example.com","username":"bob","name":"xxxx","nickname":"xxxx","password":"passw0rd",
         "photo":"https://files.authing.co/authing-console/default-user-avatar.png","gender":"M","birthdate":"2022-06-03","country":"CN",
         "province":"BJ","city":"BJ","address":"xxxxxxx","streetAddress":"xxx street","postalCode":"438100","company":"steamory",
         "browser":"Mozilla/5.0 (Linux; Android 10; V2001A; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/87.0.4280.141 Mobile Safari/537.36 VivoBrowser/10.2.10.0",
         "device":"iOS","givenName":"xx","familyName":"xx","middleName":"James","profile":"alice","preferredUsername":"alice",
         "website":"https://my-website.com","zoneinfo":"GMT-08:00","locale":"af","formatted":"132, My Street, Kingston, New York 12401.",
         "region":"Xinjiang Uyghur Autonomous Region"}
        """;

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SeedSample_RoundTripsEveryField_AsAPublicAccount()
    {
        using var client = api.CreateSignedClient();
        var body = "{\"list\":[" + SeedItem + "],\"options\":{\"autoGeneratePassword\":true,\"resetPasswordOnFirstLogin\":true,\"passwordEncryptType\":\"none\"}}";

        var envelope = await Envelopes.ReadAsync(await client.PostRawAsync("/api/v3/create-public-accounts-batch", body));

        Assert.Equal(200, (int)envelope["statusCode"]!);
        var account = envelope["data"]![0]!.AsObject();
        foreach (var (field, value) in JsonNode.Parse(SeedItem)!.AsObject().Where(p => p.Key != "password"))
        {
            Assert.True(JsonNode.DeepEquals(value, account[field]), $"{field}: {account[field]?.ToJsonString()}");
        }

        Assert.True((bool)account["resetPasswordOnNextLogin"]!);
        foreach (var userOnly in new[] { "identities", "metadataSource", "postIdList", "signedUp" })
        {
            Assert.False(account.ContainsKey(userOnly), userOnly);
        }

        await using var db = api.CreateDbContext();
        var stored = await db.Accounts.SingleAsync();
        Assert.Equal(AccountKind.PublicAccount, stored.Kind);
        Assert.True(BCrypt.Net.BCrypt.Verify("passw0rd", stored.PasswordHash));
    }

    [Fact]
    public async Task ItemOptions_WinOverBatchOptions_FieldByField()
    {
        using var client = api.CreateSignedClient();
        const string legacyHash = "$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-public-accounts-batch", new
        {
            list = new object[]
            {
                new { username = "kept", password = legacyHash, options = new { keepPassword = true } },
                new { username = "hashed", password = "plain-secret" },
            },
            options = new { keepPassword = false, resetPasswordOnFirstLogin = true },
        });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        await using var db = api.CreateDbContext();
        var kept = await db.Accounts.SingleAsync(a => a.Username == "kept");
        var hashed = await db.Accounts.SingleAsync(a => a.Username == "hashed");
        Assert.Equal(legacyHash, kept.PasswordHash);
        Assert.True(kept.ResetPasswordOnNextLogin);
        Assert.True(BCrypt.Net.BCrypt.Verify("plain-secret", hashed.PasswordHash));
    }

    [Fact]
    public async Task PublicAccount_TakingAUsersEmail_IsRefusedNamingTheUser()
    {
        using var client = api.CreateSignedClient();
        var user = await client.PostEnvelopeAsync("/api/v3/create-user", new { email = "shared@example.com" });

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-public-accounts-batch", new { list = new[] { new { email = "SHARED@example.com" } } });

        Assert.Equal(409, (int)envelope["statusCode"]!);
        Assert.Equal(2200, (int)envelope["apiCode"]!);
        var conflict = envelope["errors"]![0]!["conflict"]!;
        Assert.Equal("user", (string)conflict["accountKind"]!);
        Assert.Equal((string)user["data"]!["userId"]!, (string)conflict["accountId"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal(1, await db.Accounts.CountAsync());
    }

    [Fact]
    public async Task User_TakingAPublicAccountsUsername_IsRefusedNamingThePublicAccount()
    {
        using var client = api.CreateSignedClient();
        await client.PostEnvelopeAsync("/api/v3/create-public-account", new { username = "front-desk" });

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new { list = new[] { new { username = "Front-Desk" } } });

        Assert.Equal(409, (int)envelope["statusCode"]!);
        Assert.Equal(2034, (int)envelope["apiCode"]!);
        Assert.Equal("publicAccount", (string)envelope["errors"]![0]!["conflict"]!["accountKind"]!);
    }

    [Fact]
    public async Task PublicAccount_WithUserOnlyFields_IsRefused()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-public-accounts-batch", new
        {
            list = new[] { new { username = "pa", tenantIds = new[] { "t" }, identities = new[] { new { extIdpId = "e", provider = "github", type = "t", userIdInIdp = "u" } } } },
        });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        var fields = envelope["errors"]!.AsArray().Select(e => (string)e!["field"]!).ToArray();
        Assert.Equal(["list[0].tenantIds", "list[0].identities"], fields);
        Assert.All(envelope["errors"]!.AsArray(), e => Assert.Equal("unsupported_field", (string)e!["code"]!));
    }

    [Fact]
    public async Task CreatePublicAccount_WithOptionsBesideTheFields_AppliesThem()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-public-account",
            new { username = "single", company = "steamory", options = new { resetPasswordOnFirstLogin = true, autoGeneratePassword = true } });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.Equal("steamory", (string)envelope["data"]!["company"]!);
        Assert.True((bool)envelope["data"]!["resetPasswordOnNextLogin"]!);
    }
}
