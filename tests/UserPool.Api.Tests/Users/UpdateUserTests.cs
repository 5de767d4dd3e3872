using Microsoft.EntityFrameworkCore;
using UserPool.Api.Tests.Accounts;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Users;

[Collection(AccountsCollection.Name)]
public sealed class UpdateUserTests(UserPoolApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task UpdateUser_ChangesTheFieldsSent_AndKeepsTheOthers()
    {
        using var client = api.CreateSignedClient();
        var id = (await UpdateCalls.CreateUsersAsync(client, new { email = "a@example.com", username = "alice", name = "Alice", city = "Paris" }))[0];

        var envelope = await client.PostEnvelopeAsync("/api/v3/update-user",
            new { userId = id, email = "New@Example.com", name = "Alicia", nickname = "", phone = "13800138000", emailVerified = true, gender = "F" });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        var user = envelope["data"]!;
        Assert.Equal(id, (string)user["userId"]!);
        Assert.Equal("New@Example.com", (string)user["email"]!);
        Assert.Equal("Alicia", (string)user["name"]!);
        Assert.Equal("alice", (string)user["username"]!);
        Assert.Equal("Paris", (string)user["city"]!);
        Assert.Equal("13800138000", (string)user["phone"]!);
        Assert.True((bool)user["emailVerified"]!);
        await using var db = api.CreateDbContext();
        var stored = await db.Accounts.SingleAsync();
        Assert.Equal("new@example.com", stored.EmailKey);
        Assert.Equal("Alicia", stored.Name);
        Assert.Null(stored.Nickname);
        Assert.Equal("Paris", stored.City);
        Assert.Equal("F", stored.Gender);
        Assert.Equal("+86", stored.PhoneCountryCode);
        Assert.True(stored.UpdatedAt >= stored.CreatedAt);
    }

    [Fact]
    public async Task UpdateUser_StatusChangedAt_MovesOnlyWhenTheStatusChanges()
    {
        using var client = api.CreateSignedClient();
        var id = (await UpdateCalls.CreateUsersAsync(client, new { username = "s" }))[0];
        await using var before = api.CreateDbContext();
        var created = (await before.Accounts.SingleAsync()).StatusChangedAt;

        Assert.Equal(200, (int)(await client.PostEnvelopeAsync("/api/v3/update-user", new { userId = id, status = "Activated", name = "same" }))["statusCode"]!);
        await using (var db = api.CreateDbContext())
        {
            Assert.Equal(created, (await db.Accounts.SingleAsync()).StatusChangedAt);
        }

        Assert.Equal(200, (int)(await client.PostEnvelopeAsync("/api/v3/update-user", new { userId = id, status = "Suspended" }))["statusCode"]!);
        await using (var db = api.CreateDbContext())
        {
            var stored = await db.Accounts.SingleAsync();
            Assert.Equal("Suspended", stored.Status);
            Assert.True(stored.StatusChangedAt > created);
        }
    }

    [Fact]
    public async Task UpdateUser_WhenTheEmailBelongsToAPublicAccount_Answers409NamingIt()
    {
        using var client = api.CreateSignedClient();
        var id = (await UpdateCalls.CreateUsersAsync(client, new { username = "u" }))[0];
        var holder = (await UpdateCalls.CreatePublicAccountsAsync(client, new { email = "shared@example.com" }))[0];

        var envelope = await client.PostEnvelopeAsync("/api/v3/update-user", new { userId = id, email = "SHARED@example.com" });

        Assert.Equal(409, (int)envelope["statusCode"]!);
        Assert.Equal(2200, (int)envelope["apiCode"]!);
        var error = UpdateCalls.SingleError(envelope);
        Assert.Equal("email", (string)error["field"]!);
        Assert.Equal(holder, (string)error["conflict"]!["accountId"]!);
        Assert.Equal("publicAccount", (string)error["conflict"]!["accountKind"]!);
        await using var db = api.CreateDbContext();
        Assert.Null((await db.Accounts.SingleAsync(a => a.Id == id)).Email);
    }

    [Fact]
    public async Task UpdateUser_KeepingItsOwnKeys_IsNoConflict()
    {
        using var client = api.CreateSignedClient();
        var id = (await UpdateCalls.CreateUsersAsync(client, new { email = "me@example.com", username = "me", externalId = "ext-1" }))[0];

        var envelope = await client.PostEnvelopeAsync("/api/v3/update-user", new { userId = id, email = "ME@example.com", username = "me", externalId = "ext-1" });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.Equal("ME@example.com", (string)envelope["data"]!["email"]!);
    }

    [Theory]
    [InlineData("email", "not-an-email", "email")]
    [InlineData("status", "Sleeping", "status")]
    [InlineData("gender", "X", "gender")]
    [InlineData("photo", "ftp://x", "photo")]
    [InlineData("birthdate", "yesterday", "birthdate")]
    [InlineData("phone", "12ab", "phone")]
    public async Task UpdateUser_WithAnInvalidField_Answers400NamingItAndChangesNothing(string field, string value, string path)
    {
        using var client = api.CreateSignedClient();
        var id = (await UpdateCalls.CreateUsersAsync(client, new { username = "v", name = "kept" }))[0];

        var envelope = await client.PostEnvelopeAsync("/api/v3/update-user", new Dictionary<string, object> { ["userId"] = id, ["name"] = "changed", [field] = value });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Contains(envelope["errors"]!.AsArray(), e => (string)e!["field"]! == path);
        await using var db = api.CreateDbContext();
        Assert.Equal("kept", (await db.Accounts.SingleAsync()).Name);
    }

    [Fact]
    public async Task UpdateUser_WithAnUnknownFieldOrACreateOnlyField_IsRefused()
    {
        using var client = api.CreateSignedClient();
        var id = (await UpdateCalls.CreateUsersAsync(client, new { username = "f" }))[0];

        foreach (var field in new[] { "departmentIds", "nonsense" })
        {
            var response = await client.PostRawAsync("/api/v3/update-user", $$"""{"userId":"{{id}}","{{field}}":["x"]}""");
            var envelope = await Envelopes.ReadAsync(response);
            Assert.Equal(400, (int)envelope["statusCode"]!);
            Assert.Contains(field, envelope.ToJsonString());
        }
    }

    [Fact]
    public async Task UpdateUser_AcceptsSnakeCaseSpellings()
    {
        using var client = api.CreateSignedClient();
        var id = (await UpdateCalls.CreateUsersAsync(client, new { username = "snake" }))[0];

        var envelope = await Envelopes.ReadAsync(await client.PostRawAsync("/api/v3/update-user",
            $$$"""{"user_id":"{{{id}}}","given_name":"Given","options":{"reset_password_on_next_login":true}}"""));

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.Equal("Given", (string)envelope["data"]!["givenName"]!);
        Assert.True((bool)envelope["data"]!["resetPasswordOnNextLogin"]!);
    }

    [Fact]
    public async Task UpdateUser_WhenTheIdIsUnknown_Answers404With2004()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync("/api/v3/update-user", new { userId = "000000000000000000000000", name = "x" });

        Assert.Equal(404, (int)envelope["statusCode"]!);
        Assert.Equal(2004, (int)envelope["apiCode"]!);
    }

    [Fact]
    public async Task UpdateUser_WithoutAUserIdOrWithAMalformedOne_Answers400()
    {
        using var client = api.CreateSignedClient();

        var missing = await client.PostEnvelopeAsync("/api/v3/update-user", new { name = "x" });
        var malformed = await client.PostEnvelopeAsync("/api/v3/update-user", new { userId = "not an email", name = "x", options = new { userIdType = "email" } });

        Assert.Equal(400, (int)missing["statusCode"]!);
        Assert.Equal("userId", (string)UpdateCalls.SingleError(missing)["field"]!);
        Assert.Equal(400, (int)malformed["statusCode"]!);
        Assert.Equal("userId", (string)UpdateCalls.SingleError(malformed)["field"]!);
    }

    [Fact]
    public async Task UpdateUser_NamingAPublicAccount_IsNotFound()
    {
        using var client = api.CreateSignedClient();
        var publicAccount = (await UpdateCalls.CreatePublicAccountsAsync(client, new { username = "pa", name = "kept" }))[0];

        var envelope = await client.PostEnvelopeAsync("/api/v3/update-user", new { userId = publicAccount, name = "changed" });

        Assert.Equal(404, (int)envelope["statusCode"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal("kept", (await db.Accounts.SingleAsync()).Name);
    }

    [Theory]
    [InlineData("email", "Finder@Example.com")]
    [InlineData("username", "FINDER")]
    [InlineData("external_id", "ext-finder")]
    [InlineData("phone", "+86 138-0013-8001")]
    public async Task UpdateUser_ByUserIdType_FindsTheAccount(string type, string userId)
    {
        using var client = api.CreateSignedClient();
        await UpdateCalls.CreateUsersAsync(client, new { email = "finder@example.com", username = "finder", externalId = "ext-finder", phone = "13800138001" });

        var envelope = await client.PostEnvelopeAsync("/api/v3/update-user", new { userId, name = "found", options = new { userIdType = type } });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.Equal("found", (string)envelope["data"]!["name"]!);
    }

    [Theory]
    [InlineData("sync_relation", 400)]
    [InlineData("custom_field", 400)]
    [InlineData("nickname", 400)]
    public async Task UpdateUser_WithAnUnsupportedUserIdType_IsRefused(string type, int status)
    {
        using var client = api.CreateSignedClient();
        var id = (await UpdateCalls.CreateUsersAsync(client, new { username = "t" }))[0];

        var envelope = await client.PostEnvelopeAsync("/api/v3/update-user", new { userId = id, name = "x", options = new { userIdType = type } });

        Assert.Equal(status, (int)envelope["statusCode"]!);
        Assert.Contains("userIdType", (string)envelope["message"]!);
    }

    [Fact]
    public async Task UpdateUser_DryRun_AnswersTheChangeAndWritesNothing()
    {
        using var client = api.CreateSignedClient();
        var id = (await UpdateCalls.CreateUsersAsync(client, new { username = "dry", name = "before" }))[0];

        var envelope = await client.PostEnvelopeAsync("/api/v3/update-user", new { userId = id, name = "after", options = new { dryRun = true } });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.Equal("after", (string)envelope["data"]!["name"]!);
        Assert.Equal(id, (string)envelope["data"]!["userId"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal("before", (await db.Accounts.SingleAsync()).Name);
    }

    [Fact]
    public async Task UpdateUser_CustomData_MergesKeyByKey()
    {
        using var client = api.CreateSignedClient();
        await Seed.CustomFieldsAsync(client, new { targetType = "USER", key = "school", dataType = "STRING" },
            new { targetType = "USER", key = "age", dataType = "NUMBER" });
        var id = (await UpdateCalls.CreateUsersAsync(client, new { username = "c", customData = new { school = "MIT", age = 20 } }))[0];

        var envelope = await client.PostEnvelopeAsync("/api/v3/update-user", new { userId = id, customData = new { age = 21 } });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        await using var db = api.CreateDbContext();
        var stored = System.Text.Json.Nodes.JsonNode.Parse((await db.Accounts.SingleAsync()).CustomData!)!;
        Assert.Equal("MIT", (string)stored["school"]!);
        Assert.Equal(21, (int)stored["age"]!);
    }

    [Fact]
    public async Task UpdateUser_UndefinedCustomField_IsRefused()
    {
        using var client = api.CreateSignedClient();
        var id = (await UpdateCalls.CreateUsersAsync(client, new { username = "c" }))[0];

        var envelope = await client.PostEnvelopeAsync("/api/v3/update-user", new { userId = id, customData = new { nowhere = 1 } });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal("customData.nowhere", (string)UpdateCalls.SingleError(envelope)["field"]!);
    }

    [Fact]
    public async Task UpdateUser_UniqueCustomFieldTakenByAnother_IsRefusedNamingIt_AndItsOwnValueIsNoConflict()
    {
        using var client = api.CreateSignedClient();
        await Seed.CustomFieldsAsync(client, new { targetType = "USER", key = "badge", dataType = "STRING", isUnique = true });
        var ids = await UpdateCalls.CreateUsersAsync(client, new { username = "one", customData = new { badge = "B1" } },
            new { username = "two", customData = new { badge = "B2" } });

        var taken = await client.PostEnvelopeAsync("/api/v3/update-user", new { userId = ids[1], customData = new { badge = "B1" } });
        var own = await client.PostEnvelopeAsync("/api/v3/update-user", new { userId = ids[0], customData = new { badge = "B1" } });
        var moved = await client.PostEnvelopeAsync("/api/v3/update-user", new { userId = ids[1], customData = new { badge = "B3" } });
        var freed = await client.PostEnvelopeAsync("/api/v3/update-user", new { userId = ids[0], customData = new { badge = "B2" } });

        Assert.Equal(409, (int)taken["statusCode"]!);
        Assert.Equal(ids[0], (string)UpdateCalls.SingleError(taken)["conflict"]!["accountId"]!);
        Assert.Equal(200, (int)own["statusCode"]!);
        Assert.Equal(200, (int)moved["statusCode"]!);
        Assert.Equal(200, (int)freed["statusCode"]!);
    }

    [Fact]
    public async Task UpdateUser_Metadata_IsStoredAsMetadataSource()
    {
        using var client = api.CreateSignedClient();
        var id = (await UpdateCalls.CreateUsersAsync(client, new { username = "m" }))[0];

        var envelope = await client.PostEnvelopeAsync("/api/v3/update-user", new { userId = id, metadata = new { source = "ldap" } });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        await using var db = api.CreateDbContext();
        Assert.Contains("ldap", (await db.Accounts.SingleAsync()).MetadataSource);
    }
}
