using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Accounts.Keys;

/// <summary>
/// Look-alike e-mails, usernames and phones through the HTTP API: one key whether they arrive in one batch or in two
/// requests, the item named (and, across requests, the holder), and dryRun answering exactly what the write does.
/// </summary>
[Collection(AccountsCollection.Name)]
public sealed class LookAlikeKeyTests(UserPoolApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string, string> LookAlikePairs => new()
    {
        { "username", "Jos\u00e9", "Jose\u0301" },
        { "username", "\uff42\uff4f\uff42", "bob" },
        { "username", "bob ", "bob" },
        { "username", "\u00a0bob", "bob" },
        { "username", "\ua7cb", "\u0264" },
        { "username", "\u0130stanbul", "i\u0307stanbul" },
        { "email", "jos\u00e9@example.com", "jose\u0301@example.com" },
        { "email", "\uff42\uff4f\uff42@example.com", "bob@example.com" },
        { "email", "anna@b\u00fccher.example", "anna@xn--bcher-kva.example" },
        { "email", "\ua7cb@example.com", "\u0264@example.com" },
        { "phoneCountryCode", "+86", "+086" },
        { "phoneCountryCode", "+86", "+0086" },
    };

    [Theory]
    [MemberData(nameof(LookAlikePairs))]
    public async Task CreateUsersBatch_WithALookAlikePairInOneBatch_RefusesTheSecondNamingTheFirst(string field, string first, string second)
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new { list = new[] { Item(field, first), Item(field, second) } });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        var error = Assert.Single(envelope["errors"]!.AsArray())!;
        Assert.Equal($"list[1].{KeyField(field)}", (string)error["field"]!);
        Assert.Equal("duplicate_in_batch", (string)error["code"]!);
        Assert.Equal(0, (int)error["conflict"]!["index"]!);
        await AssertAccountsAsync(0);
    }

    [Theory]
    [MemberData(nameof(LookAlikePairs))]
    public async Task CreateUsersBatch_WithALookAlikeOfAStoredKey_Answers409NamingTheItemAndTheHolder(string field, string first, string second)
    {
        using var client = api.CreateSignedClient();
        var holder = await CreateAsync(client, Item(field, first));

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new { list = new[] { Item("username", "someone"), Item(field, second) } });

        Assert.Equal(409, (int)envelope["statusCode"]!);
        var error = Assert.Single(envelope["errors"]!.AsArray())!;
        Assert.Equal($"list[1].{KeyField(field)}", (string)error["field"]!);
        Assert.Equal("already_exists", (string)error["code"]!);
        Assert.Equal(holder, (string)error["conflict"]!["accountId"]!);
        await AssertAccountsAsync(1);
    }

    public static TheoryData<string, string> DryRunCases => new()
    {
        { "\u0130", "i" },              // distinct under the chosen lower-casing: both created
        { "\u0130", "i\u0307" },        // one key: refused naming the item
        { "\ua7cb", "\u0264" },
        { "\u0131", "I" },
    };

    [Theory]
    [MemberData(nameof(DryRunCases))]
    public async Task CreateUsersBatch_DryRunAndWrite_GiveTheSameAnswerForTurkishAndNewLetters(string first, string second)
    {
        using var client = api.CreateSignedClient();
        var list = new[] { Item("username", first), Item("username", second) };

        var dryRun = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new { list, options = new { dryRun = true } });
        var write = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new { list });

        Assert.Equal((int)write["statusCode"]!, (int)dryRun["statusCode"]!);
        Assert.Equal(Errors(write), Errors(dryRun));
        if ((int)write["statusCode"]! != 200)
        {
            Assert.All(write["errors"]!.AsArray(), e => Assert.NotNull(e!["index"]));
        }
    }

    [Fact]
    public async Task CreateUsersBatch_DryRunAgainstAStoredLookAlike_AnswersAsTheWriteDoes()
    {
        using var client = api.CreateSignedClient();
        await CreateAsync(client, Item("username", "\u0130pek"));
        var list = new[] { Item("username", "i\u0307pek") };

        var dryRun = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new { list, options = new { dryRun = true } });
        var write = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new { list });

        Assert.Equal(409, (int)write["statusCode"]!);
        Assert.Equal(Errors(write), Errors(dryRun));
        Assert.Equal(0, (int)write["errors"]![0]!["index"]!);
    }

    [Theory]
    [InlineData("username", "bo\u200bb", "invisible_character")]
    [InlineData("username", "bo\u200db", "invisible_character")]
    [InlineData("username", "bo\u00adb", "invisible_character")]
    [InlineData("username", "bo\u202eb", "invisible_character")]
    [InlineData("username", "bo\u0378b", "unassigned_character")]
    [InlineData("email", "an\u200bna@example.com", "invisible_character")]
    [InlineData("email", "anna@exa\u00admple.com", "invisible_character")]
    public async Task CreateUsersBatch_WithAnInvisibleOrUnassignedCharacter_Answers400NamingTheField(string field, string value, string code)
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new { list = new[] { Item(field, value) } });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        var error = Assert.Single(envelope["errors"]!.AsArray())!;
        Assert.Equal($"list[0].{field}", (string)error["field"]!);
        Assert.Equal(code, (string)error["code"]!);
        Assert.Contains("U+", (string)error["message"]!, StringComparison.Ordinal);
        await AssertAccountsAsync(0);
    }

    [Theory]
    [InlineData("13599930052", "+0", "phoneCountryCode", "invalid_format")]
    [InlineData("1359", "+86", "phone", "not_possible_phone")]
    [InlineData("12345", "+1", "phone", "not_possible_phone")]
    public async Task CreateUsersBatch_WithAnImpossiblePhone_Answers400NamingTheField(string phone, string countryCode, string field, string code)
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new { list = new[] { new { phone, phoneCountryCode = countryCode } } });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        var error = Assert.Single(envelope["errors"]!.AsArray())!;
        Assert.Equal($"list[0].{field}", (string)error["field"]!);
        Assert.Equal(code, (string)error["code"]!);
        await AssertAccountsAsync(0);
    }

    [Fact]
    public async Task CreateUsersBatch_StoresAndAnswersTrimmedValuesAndTheNormalizedPhone()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new
        {
            list = new[] { new { username = "\u00a0Jos\u00e9 Bob ", email = " Anna@B\u00fccher.example ", phone = "135-9993-0052", phoneCountryCode = "+0086" } },
        });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        var user = envelope["data"]![0]!;
        Assert.Equal("Jos\u00e9 Bob", (string)user["username"]!);
        Assert.Equal("Anna@B\u00fccher.example", (string)user["email"]!);
        Assert.Equal("13599930052", (string)user["phone"]!);
        Assert.Equal("+86", (string)user["phoneCountryCode"]!);
        await using var db = api.CreateDbContext();
        var stored = await db.Accounts.SingleAsync();
        Assert.Equal(("josé bob", "anna@xn--bcher-kva.example", "+8613599930052", 1),
            (stored.UsernameKey, stored.EmailKey, stored.PhoneKey, stored.KeysVersion));
    }

    [Theory]
    [InlineData("email", "ANNA@xn--bcher-kva.example")]
    [InlineData("username", "\uff2a\uff4f\uff53\uff45\u0301")]
    [InlineData("phone", "+86 135-9993-0052")]
    [InlineData("phone", "135 9993 0052")]
    public async Task GetUser_ByALookAlikeSpelling_FindsTheAccount(string userIdType, string userId)
    {
        using var client = api.CreateSignedClient();
        var id = await CreateAsync(client, new { email = "anna@b\u00fccher.example", username = "Jos\u00e9", phone = "13599930052", phoneCountryCode = "+086" });

        var envelope = await client.GetEnvelopeAsync($"/api/v3/get-user?userId={Uri.EscapeDataString(userId)}&userIdType={userIdType}");

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.Equal(id, (string)envelope["data"]!["userId"]!);
    }

    [Theory]
    [InlineData("email", "ANNA@xn--bcher-kva.example")]
    [InlineData("username", "\uff2a\uff4f\uff53\uff45\u0301")]
    public async Task ListUsers_FilteringEqualByALookAlikeSpelling_FindsTheAccount(string field, string value)
    {
        using var client = api.CreateSignedClient();
        var id = await CreateAsync(client, new { email = "anna@b\u00fccher.example", username = "Jos\u00e9" });
        await CreateAsync(client, new { username = "other" });

        var envelope = await client.PostEnvelopeAsync("/api/v3/list-users",
            new { advancedFilter = new[] { new { field, @operator = "EQUAL", value } } });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        var found = Assert.Single(envelope["data"]!["list"]!.AsArray())!;
        Assert.Equal(id, (string)found["userId"]!);
    }

    [Fact]
    public async Task CreateUsersBatch_TheOpenApiLookAlikesExample_IsWhatTheServerAnswers()
    {
        using var client = api.CreateSignedClient();
        client.Lang = "en-US";
        await CreateAsync(client, new { username = "unrelated" });

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new
        {
            list = new object[] { new { username = "bob" }, new { username = "\uff42\uff4f\uff42" }, new { email = "an\u200bna@example.com" }, new { phone = "13599930052", phoneCountryCode = "+0" } },
        });

        var example = JsonNode.Parse(UserPool.Api.OpenApi.FailureExamples.LookAlikes)!;
        Assert.Equal((int)example["statusCode"]!, (int)envelope["statusCode"]!);
        Assert.Equal((string)example["message"]!, (string)envelope["message"]!);
        Assert.True(JsonNode.DeepEquals(example["errors"], envelope["errors"]), envelope["errors"]!.ToJsonString());
    }

    private static Dictionary<string, object?> Item(string field, string value) => field == "phoneCountryCode"
        ? new() { ["phone"] = "13599930052", ["phoneCountryCode"] = value }
        : new() { [field] = value };

    private static string KeyField(string field) => field == "phoneCountryCode" ? "phone" : field;

    private static string Errors(JsonObject envelope) => envelope["errors"]?.ToJsonString() ?? "";

    private static async Task<string> CreateAsync(SignedClient client, object item)
    {
        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new { list = new[] { item } });
        Assert.Equal(200, (int)envelope["statusCode"]!);
        return (string)envelope["data"]![0]!["userId"]!;
    }

    private async Task AssertAccountsAsync(int count)
    {
        await using var db = api.CreateDbContext();
        Assert.Equal(count, await db.Accounts.CountAsync());
    }
}
