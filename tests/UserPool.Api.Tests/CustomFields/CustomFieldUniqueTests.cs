using System.Text.Json.Nodes;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.CustomFields;

/// <summary>isUnique: true custom fields, enforced per pool across users and public accounts.</summary>
[Collection(AccountsCollection.Name)]
public sealed class CustomFieldUniqueTests(UserPoolApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreateUsersBatch_WhenTwoItemsShareAUniqueValueUpToSpaces_RefusesTheLaterNamingTheFirst()
    {
        using var client = api.CreateSignedClient();
        await client.DefineOkAsync("employee_no", isUnique: true);

        var envelope = await client.CreateUsersAsync(
            new { username = "a", customData = new { employee_no = "E-1" } },
            new { username = "b", customData = new { employee_no = "E-2" } },
            new { username = "c", customData = new { employee_no = " E-1 " } });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        var error = Assert.Single(envelope["errors"]!.AsArray())!;
        Assert.Equal(("list[2].customData.employee_no", "duplicate_in_batch"), ((string)error["field"]!, (string)error["code"]!));
        Assert.Equal(("item", 0), ((string)error["conflict"]!["with"]!, (int)error["conflict"]!["index"]!));
        Assert.Empty(await api.SqlAsync("SELECT id FROM accounts"));
        Assert.Empty(await api.UniqueRowsAsync("employee_no"));
    }

    [Fact]
    public async Task CreateUsersBatch_WhenAUserHoldsTheValue_Is409NamingTheHolder()
    {
        using var client = api.CreateSignedClient();
        await client.DefineOkAsync("employee_no", isUnique: true);
        var holder = await client.CreateUserAsync(new { username = "a", customData = new { employee_no = "E-1" } });

        var envelope = await client.CreateUsersAsync(
            new { username = "b", customData = new { employee_no = "E-2" } },
            new { username = "c", customData = new { employee_no = "E-1" } });

        AssertHeldBy(envelope, "list[1].customData.employee_no", holder, "user");
        Assert.Equal([holder], await api.UniqueRowsAsync("employee_no"));
    }

    [Fact]
    public async Task CreateUser_WhenAPublicAccountHoldsTheValue_Is409NamingThePublicAccount()
    {
        using var client = api.CreateSignedClient();
        await client.DefineOkAsync("employee_no", isUnique: true);
        var holder = await client.CreateUserAsync(new { username = "shared", customData = new { employee_no = "E-1" } }, "/api/v3/create-public-accounts-batch");

        var envelope = await client.CreateUsersAsync(new { username = "b", customData = new { employee_no = "E-1" } });

        AssertHeldBy(envelope, "list[0].customData.employee_no", holder, "publicAccount");
    }

    [Fact]
    public async Task CreateUsersBatch_WithDryRun_AnswersWhatTheWriteWouldAndWritesNothing()
    {
        using var client = api.CreateSignedClient();
        await client.DefineOkAsync("employee_no", isUnique: true);
        var holder = await client.CreateUserAsync(new { username = "a", customData = new { employee_no = "E-1" } });
        var taken = new { list = new[] { new { username = "b", customData = new { employee_no = "E-1" } } } };

        var dry = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new { taken.list, options = new { dryRun = true } });
        var real = await client.PostEnvelopeAsync("/api/v3/create-users-batch", taken);
        var freeDry = await client.PostEnvelopeAsync("/api/v3/create-users-batch",
            new { list = new[] { new { username = "c", customData = new { employee_no = "E-3" } } }, options = new { dryRun = true } });

        AssertHeldBy(dry, "list[0].customData.employee_no", holder, "user");
        Assert.Equal(real.ToJsonString(), dry.ToJsonString().Replace(DryRequestId(dry), DryRequestId(real)));
        Assert.Equal(200, (int)freeDry["statusCode"]!);
        Assert.Equal([holder], await api.UniqueRowsAsync("employee_no"));
    }

    [Fact]
    public async Task CreateUsersBatch_NumbersAndDatesCompareByValue()
    {
        using var client = api.CreateSignedClient();
        await client.DefineOkAsync("badge", "NUMBER", isUnique: true);
        await client.DefineOkAsync("joined", "DATETIME", isUnique: true);
        await client.CreateUserAsync(new { username = "a", customData = new Dictionary<string, object> { ["badge"] = 1, ["joined"] = "2024-01-01T08:00:00+08:00" } });

        var badge = await client.CreateUsersAsync(new { username = "b", customData = new { badge = 1.0 } });
        var joined = await client.CreateUsersAsync(new { username = "c", customData = new { joined = 1704067200000 } });
        var other = await client.CreateUsersAsync(new { username = "d", customData = new { badge = 1.5, joined = "2024-01-01T08:00:00Z" } });

        Assert.Equal("list[0].customData.badge", (string)badge["errors"]![0]!["field"]!);
        Assert.Equal("list[0].customData.joined", (string)joined["errors"]![0]!["field"]!);
        Assert.Equal(200, (int)other["statusCode"]!);
    }

    [Fact]
    public async Task ConcurrentRequests_WithOneUniqueValue_StoreItOnce()
    {
        using var client = api.CreateSignedClient();
        await client.DefineOkAsync("employee_no", isUnique: true);

        // Without a password to hash the pipeline writes first and names conflicts after a refused write: the
        // side table's unique index is what stops the duplicates here.
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            client.CreateUsersAsync(new { username = $"racer{i}", customData = new { employee_no = "E-1" } })));

        Assert.Single(answers, a => (int)a["statusCode"]! == 200);
        Assert.All(answers.Where(a => (int)a["statusCode"]! != 200), a =>
            Assert.Equal((409, "list[0].customData.employee_no"), ((int)a["statusCode"]!, (string)a["errors"]![0]!["field"]!)));
        Assert.Single(await api.SqlAsync("SELECT id FROM accounts WHERE custom_data ->> 'employee_no' = 'E-1'"));
        Assert.Single(await api.UniqueRowsAsync("employee_no"));
    }

    [Fact]
    public async Task SetCustomFields_TurningUniqueOnOverCollidingValues_IsRefusedListingTheHolders()
    {
        using var client = api.CreateSignedClient();
        await client.DefineOkAsync("employee_no");
        var first = await client.CreateUserAsync(new { username = "a", customData = new { employee_no = "E-1" } });
        var second = await client.CreateUserAsync(new { username = "b", customData = new { employee_no = "E-1 " } });
        await client.CreateUserAsync(new { username = "c", customData = new { employee_no = "E-2" } });

        var envelope = await client.DefineAsync("employee_no", isUnique: true);

        Assert.Equal((409, 2026), ((int)envelope["statusCode"]!, (int)envelope["apiCode"]!));
        var error = Assert.Single(envelope["errors"]!.AsArray())!;
        Assert.Equal("list[0].isUnique", (string)error["field"]!);
        Assert.Contains(first, (string)error["message"]!);
        Assert.Contains(second, (string)error["message"]!);
        Assert.Equal(["False"], await api.SqlAsync("SELECT is_unique FROM custom_field_definitions WHERE key = 'employee_no'"));
        Assert.Empty(await api.UniqueRowsAsync("employee_no"));
    }

    [Fact]
    public async Task SetCustomFields_TurningUniqueOnOverDistinctValues_FillsTheSideTableAndEnforcesIt()
    {
        using var client = api.CreateSignedClient();
        await client.DefineOkAsync("employee_no");
        var first = await client.CreateUserAsync(new { username = "a", customData = new { employee_no = "E-1" } });
        var second = await client.CreateUserAsync(new { username = "b", customData = new { employee_no = "E-2" } });

        await client.DefineOkAsync("employee_no", isUnique: true);
        var envelope = await client.CreateUsersAsync(new { username = "c", customData = new { employee_no = "E-2" } });

        Assert.Equal(new[] { first, second }.Order(), (await api.UniqueRowsAsync("employee_no")).Order());
        AssertHeldBy(envelope, "list[0].customData.employee_no", second, "user");
    }

    [Fact]
    public async Task SetCustomFields_TurningUniqueOff_DropsTheSideRowsAndAcceptsRepeats()
    {
        using var client = api.CreateSignedClient();
        await client.DefineOkAsync("employee_no", isUnique: true);
        await client.CreateUserAsync(new { username = "a", customData = new { employee_no = "E-1" } });

        await client.DefineOkAsync("employee_no", isUnique: false);
        var envelope = await client.CreateUsersAsync(new { username = "b", customData = new { employee_no = "E-1" } });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.Empty(await api.UniqueRowsAsync("employee_no"));
    }

    [Theory]
    [InlineData("isUnique")]
    [InlineData("encrypted")]
    public async Task SetCustomFields_APromiseOnAFieldOfAnotherTarget_Is400(string flag)
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync("/api/v3/set-custom-fields", new JsonObject
        {
            ["list"] = new JsonArray(new JsonObject { ["targetType"] = "DEPARTMENT", ["key"] = "code", [flag] = true }),
        });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal($"list[0].{flag}", (string)envelope["errors"]![0]!["field"]!);
        Assert.Empty(await api.SqlAsync("SELECT key FROM custom_field_definitions"));
    }

    private static string DryRequestId(JsonObject envelope) => (string?)envelope["requestId"] ?? "";

    private static void AssertHeldBy(JsonObject envelope, string field, string holder, string kind)
    {
        Assert.Equal((409, 2026), ((int)envelope["statusCode"]!, (int)envelope["apiCode"]!));
        var error = Assert.Single(envelope["errors"]!.AsArray())!;
        Assert.Equal((field, "already_exists"), ((string)error["field"]!, (string)error["code"]!));
        Assert.Equal(("existing", holder, kind),
            ((string)error["conflict"]!["with"]!, (string)error["conflict"]!["accountId"]!, (string)error["conflict"]!["accountKind"]!));
    }
}
