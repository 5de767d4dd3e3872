using Microsoft.EntityFrameworkCore;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Accounts;

[Collection(AccountsCollection.Name)]
public sealed class CreateUsersConflictTests(UserPoolApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreateUsersBatch_WhenTwoItemsShareAnEmailInAnotherCase_RejectsWholeBatchNamingTheFirst()
    {
        using var client = api.CreateSignedClient();
        var list = new[] { new { email = "Same@Example.com" }, new { email = "other@example.com" }, new { email = "same@EXAMPLE.com" } };

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new { list });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        var error = Assert.Single(envelope["errors"]!.AsArray())!;
        Assert.Equal("list[2].email", (string)error["field"]!);
        Assert.Equal("duplicate_in_batch", (string)error["code"]!);
        Assert.Equal("item", (string)error["conflict"]!["with"]!);
        Assert.Equal(0, (int)error["conflict"]!["index"]!);
        await AssertNoAccountsAsync();
    }

    [Fact]
    public async Task CreateUsersBatch_WhenEmailExistsInAnotherCase_RejectsWholeBatchWith409AndApiCode2200()
    {
        using var client = api.CreateSignedClient();
        var existing = await CreateAsync(client, new { email = "alice@example.com" });

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch",
            new { list = new object[] { new { username = "fresh" }, new { email = "ALICE@example.com" } } });

        Assert.Equal(409, (int)envelope["statusCode"]!);
        Assert.Equal(2200, (int)envelope["apiCode"]!);
        var error = Assert.Single(envelope["errors"]!.AsArray())!;
        Assert.Equal("list[1].email", (string)error["field"]!);
        Assert.Equal("existing", (string)error["conflict"]!["with"]!);
        Assert.Equal(existing, (string)error["conflict"]!["accountId"]!);
        Assert.Equal("user", (string)error["conflict"]!["accountKind"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal(1, await db.Accounts.CountAsync());
    }

    [Theory]
    [InlineData("phone", 2035)]
    [InlineData("username", 2034)]
    [InlineData("externalId", 2026)]
    public async Task CreateUsersBatch_WhenAUniqueKeyIsTaken_AnswersItsApiCode(string field, int apiCode)
    {
        using var client = api.CreateSignedClient();
        var taken = SampleUsers.Full();
        await CreateAsync(client, taken);
        var item = new Dictionary<string, object?> { [field] = field == "username" ? ((string)taken[field]!).ToUpperInvariant() : taken[field] };
        if (field != "username")
        {
            item["username"] = "someone-else";
        }

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new { list = new[] { item } });

        Assert.Equal(409, (int)envelope["statusCode"]!);
        Assert.Equal(apiCode, (int)envelope["apiCode"]!);
        Assert.Equal($"list[0].{field}", (string)envelope["errors"]![0]!["field"]!);
    }

    [Fact]
    public async Task CreateUsersBatch_WhenPhoneExistsWithAnotherCountryCode_CreatesTheUser()
    {
        using var client = api.CreateSignedClient();
        await CreateAsync(client, new { phone = "13800000000", phoneCountryCode = "+86" });

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch",
            new { list = new[] { new { phone = "13800000000", phoneCountryCode = "+1" } } });

        Assert.Equal(200, (int)envelope["statusCode"]!);
    }

    [Fact]
    public async Task CreateUsersBatch_WhenPhoneHasNoCountryCode_TreatsItAsMainlandChina()
    {
        using var client = api.CreateSignedClient();
        await CreateAsync(client, new { phone = "13800000000", phoneCountryCode = "+86" });

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new { list = new[] { new { phone = "13800000000" } } });

        Assert.Equal(409, (int)envelope["statusCode"]!);
        Assert.Equal(2035, (int)envelope["apiCode"]!);
    }

    [Fact]
    public async Task CreateUsersBatch_WhenAnIdentityIsTaken_IsAConflictOnThatIdentity()
    {
        using var client = api.CreateSignedClient();
        var identity = new { extIdpId = "idp-1", provider = "wechat", type = "openid", userIdInIdp = "o-123" };
        await CreateAsync(client, new { username = "first", identities = new[] { identity } });

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch",
            new { list = new[] { new { username = "second", identities = new[] { identity } } } });

        Assert.Equal(409, (int)envelope["statusCode"]!);
        Assert.Equal("list[0].identities[0]", (string)envelope["errors"]![0]!["field"]!);
    }

    [Fact]
    public async Task CreateUsersBatch_WhenOnlyTheLastOf50ItemsFails_WritesNothingOfTheOthers()
    {
        using var client = api.CreateSignedClient();
        await CreateAsync(client, new { username = "taken" });
        var list = Enumerable.Range(0, 49).Select(_ => (object)SampleUsers.Full()).Append(new { username = "TAKEN" }).ToList();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new { list });

        Assert.Equal(409, (int)envelope["statusCode"]!);
        Assert.Equal("list[49].username", (string)envelope["errors"]![0]!["field"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal(1, await db.Accounts.CountAsync());
        Assert.Equal(0, await db.Identities.CountAsync());
    }

    [Fact]
    public async Task CreateUsersBatch_TwoConcurrentBatchesSharingAnEmail_EndWithExactlyOneFullyWritten()
    {
        for (var round = 0; round < 5; round++)
        {
            await api.ResetAsync();
            using var first = api.CreateSignedClient();
            using var second = api.CreateSignedClient();
            var shared = $"race{round}@example.com";
            var a = Enumerable.Range(0, 20).Select(_ => (object)SampleUsers.Full()).Append(new { email = shared }).ToList();
            var b = Enumerable.Range(0, 20).Select(_ => (object)SampleUsers.Full()).Append(new { email = shared.ToUpperInvariant() }).ToList();

            var answers = await Task.WhenAll(
                first.PostEnvelopeAsync("/api/v3/create-users-batch", new { list = a }),
                second.PostEnvelopeAsync("/api/v3/create-users-batch", new { list = b }));

            var codes = answers.Select(e => (int)e["statusCode"]!).Order().ToArray();
            Assert.Equal([200, 409], codes);
            var rejected = answers.Single(e => (int)e["statusCode"]! == 409);
            Assert.Equal("list[20].email", (string)rejected["errors"]![0]!["field"]!);
            await using var db = api.CreateDbContext();
            Assert.Equal(21, await db.Accounts.CountAsync());
        }
    }

    [Fact]
    public async Task CreateUsersBatch_WithDryRun_AnswersAsIfCreatedAndWritesNothing()
    {
        using var client = api.CreateSignedClient();
        var list = Enumerable.Range(0, 3).Select(_ => SampleUsers.Full()).ToList();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new { list, options = new { dryRun = true } });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.All(envelope["data"]!.AsArray(), u => Assert.Null(u!["userId"]));
        Assert.Equal((string)list[1]["email"]!, (string)envelope["data"]![1]!["email"]!);
        await AssertNoAccountsAsync();
    }

    [Fact]
    public async Task CreateUsersBatch_WithDryRunAndAConflict_StillReportsTheConflict()
    {
        using var client = api.CreateSignedClient();
        await CreateAsync(client, new { username = "taken" });

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch",
            new { list = new[] { new { username = "taken" } }, options = new { dryRun = true } });

        Assert.Equal(409, (int)envelope["statusCode"]!);
    }

    private static async Task<string> CreateAsync(SignedClient client, object item)
    {
        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new { list = new[] { item } });
        Assert.Equal(200, (int)envelope["statusCode"]!);
        return (string)envelope["data"]![0]!["userId"]!;
    }

    private async Task AssertNoAccountsAsync()
    {
        await using var db = api.CreateDbContext();
        Assert.Equal(0, await db.Accounts.CountAsync());
    }
}
