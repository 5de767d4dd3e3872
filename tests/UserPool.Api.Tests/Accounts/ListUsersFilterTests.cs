using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Accounts;

[Collection(AccountReadsCollection.Name)]
public sealed class ListUsersFilterTests(UserPoolApiFactory api) : IAsyncLifetime
{
    private readonly SignedClient _client = api.CreateSignedClient();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    private async Task<string[]> Usernames(object body)
    {
        var page = AccountSeed.Data(await _client.PostEnvelopeAsync("/api/v3/list-users", body));
        Assert.Equal(page["list"]!.AsArray().Count, (int)page["totalCount"]!);
        return page["list"]!.AsArray().Select(u => (string)u!["username"]!).Order(StringComparer.Ordinal).ToArray();
    }

    private Task<string[]> Filtered(string field, string op, object? value) =>
        Usernames(new { advancedFilter = new[] { new { field, @operator = op, value } } });

    private async Task<JsonObject> FilterEnvelope(string field, string op, object? value) =>
        await _client.PostEnvelopeAsync("/api/v3/list-users", new { advancedFilter = new[] { new { field, @operator = op, value } } });

    private static Dictionary<string, object?> User(string username, Action<Dictionary<string, object?>>? change = null)
    {
        var user = SampleUsers.Full();
        user["username"] = username;
        change?.Invoke(user);
        return user;
    }

    [Fact]
    public async Task Keywords_MatchDefaultFieldsCaseInsensitivelyAndTakeWildcardsLiterally()
    {
        await AccountSeed.CreateUsersAsync(_client,
            User("alice"), User("bob", u => u["nickname"] = "Big_Bob"), User("carol", u => u["nickname"] = "BigXBob"),
            User("dave", u => u["name"] = "100% real"), User("erin", u => u["company"] = "alice corp"));

        Assert.Equal(["alice"], await Usernames(new { keywords = "ALIC" }));
        Assert.Equal(["bob"], await Usernames(new { keywords = "g_b" }));
        Assert.Equal(["dave"], await Usernames(new { keywords = "0% r" }));
        Assert.Equal(["alice", "erin"], await Usernames(new { keywords = "alice", options = new { fuzzySearchOn = new[] { "username", "company" } } }));
        Assert.Empty(await Usernames(new { keywords = "alice", options = new { fuzzySearchOn = new[] { "email" } } }));
    }

    [Fact]
    public async Task Keywords_OnAnUnknownFuzzyField_IsBadRequest()
    {
        var envelope = await _client.PostEnvelopeAsync("/api/v3/list-users", new { keywords = "a", options = new { fuzzySearchOn = new[] { "password" } } });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.StartsWith("参数 fuzzySearchOn 只能是", (string)envelope["message"]!);
    }

    [Fact]
    public async Task Status_FiltersByValueInAnyCaseAndRefusesUnknownValuesWithTheSdkText()
    {
        await AccountSeed.CreateUsersAsync(_client, User("active"), User("suspended", u => u["status"] = "Suspended"));

        Assert.Equal(["suspended"], await Filtered("status", "EQUAL", "suspended"));
        Assert.Equal(["active"], await Filtered("status", "NOT_EQUAL", "Suspended"));
        Assert.Equal(["active", "suspended"], await Filtered("status", "IN", new[] { "Activated", "Suspended" }));
        AccountSeed.AssertFailure(await FilterEnvelope("status", "EQUAL", "invalid"), 400, "参数 status 格式错误");
        AccountSeed.AssertFailure(await FilterEnvelope("status", "IN", new[] { "Activated", "nope" }), 400, "参数 status 格式错误");
    }

    [Fact]
    public async Task TextOperators_CompareEmailCaseInsensitivelyAndCountEmptyFieldsAsNotEqual()
    {
        await AccountSeed.CreateUsersAsync(_client,
            User("a", u => u["email"] = "a@corp.com"), User("b", u => u["email"] = "b@home.org"), User("c", u => u.Remove("email")));

        Assert.Equal(["a"], await Filtered("email", "EQUAL", "A@CORP.COM"));
        Assert.Equal(["b", "c"], await Filtered("email", "NOT_EQUAL", "a@corp.com"));
        Assert.Equal(["a"], await Filtered("email", "CONTAINS", "CORP"));
        Assert.Equal(["b", "c"], await Filtered("email", "NOT_CONTAINS", "corp"));
        Assert.Equal(["a", "b"], await Filtered("email", "IN", new[] { "a@corp.com", "B@HOME.ORG" }));
        Assert.Equal(["c"], await Filtered("email", "IS_NULL", null));
        Assert.Equal(["a", "b"], await Filtered("email", "NOT_NULL", null));
    }

    [Fact]
    public async Task Gender_AcceptsTheSeedsWAsF()
    {
        await AccountSeed.CreateUsersAsync(_client, User("m"), User("f", u => u["gender"] = "F"));

        Assert.Equal(["f"], await Filtered("gender", "EQUAL", "W"));
        Assert.Equal(["m"], await Filtered("gender", "IN", new[] { "m", "U" }));
        AccountSeed.AssertFailure(await FilterEnvelope("gender", "EQUAL", "X"), 400, "参数 gender 格式错误");
    }

    [Fact]
    public async Task RangeOperators_IncludeTheirBoundsForNumbersAndDates()
    {
        await AccountSeed.CreateUsersAsync(_client, User("one"), User("five"), User("ten"));
        await using (var db = api.CreateDbContext())
        {
            foreach (var (username, count, day) in new[] { ("one", 1, 1), ("five", 5, 5), ("ten", 10, 10) })
            {
                await db.Accounts.Where(a => a.Username == username).ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.LoginsCount, count)
                    .SetProperty(a => a.LastLogin, new DateTime(2024, 1, day, 0, 0, 0, DateTimeKind.Utc)));
            }
        }

        Assert.Equal(["five", "ten"], await Filtered("loginsCount", "GREATER", 5));
        Assert.Equal(["five", "one"], await Filtered("loginsCount", "LESSER", 5));
        Assert.Equal(["five"], await Filtered("loginsCount", "BETWEEN", new[] { 2, 9 }));
        Assert.Equal(["one", "ten"], await Filtered("loginsCount", "IN", new[] { 1, 10 }));
        Assert.Equal(["five", "ten"], await Filtered("lastLogin", "GREATER", "2024-01-05T00:00:00Z"));
        var fifth = new DateTimeOffset(2024, 1, 5, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Assert.Equal(["five", "one"], await Filtered("lastLogin", "BETWEEN", new object[] { "2024-01-01", fifth }));
        Assert.Empty(await Filtered("lastLogin", "IS_NULL", null));
        AccountSeed.AssertFailure(await FilterEnvelope("loginsCount", "BETWEEN", new[] { 1 }), 400, "参数 loginsCount 格式错误");
        AccountSeed.AssertFailure(await FilterEnvelope("lastLogin", "GREATER", "yesterday"), 400, "参数 lastLogin 格式错误");
    }

    [Fact]
    public async Task Department_FiltersByMembership()
    {
        var departments = await AccountSeed.CreateDepartmentsAsync(api, "研发", "市场");
        await AccountSeed.CreateUsersAsync(_client,
            User("dev", u => u["departmentIds"] = new[] { departments[0] }),
            User("both", u => u["departmentIds"] = departments),
            User("none"));

        Assert.Equal(["both", "dev"], await Filtered("department", "EQUAL", departments[0]));
        Assert.Equal(["both"], await Filtered("department", "IN", new[] { departments[1] }));
        Assert.Equal(["dev", "none"], await Filtered("department", "NOT_EQUAL", departments[1]));
        Assert.Equal(["none"], await Filtered("department", "IS_NULL", null));
        Assert.Equal(["both", "dev"], await Filtered("department", "NOT_NULL", null));
    }

    [Fact]
    public async Task Flags_FilterByBoolean()
    {
        await AccountSeed.CreateUsersAsync(_client, User("verified"), User("unverified", u => u["emailVerified"] = false));

        Assert.Equal(["unverified"], await Filtered("emailVerified", "EQUAL", false));
        Assert.Equal(["verified"], await Filtered("emailVerified", "NOT_EQUAL", "false"));
    }

    [Theory]
    [InlineData("password", "EQUAL", "不支持按字段 password 筛选")]
    [InlineData("email", "GREATER", "字段 email 不支持操作符 GREATER")]
    [InlineData("status", "CONTAINS", "字段 status 不支持操作符 CONTAINS")]
    [InlineData("emailVerified", "IN", "字段 emailVerified 不支持操作符 IN")]
    public async Task AdvancedFilter_OnUnknownFieldsOrOperators_SaysWhich(string field, string op, string message)
    {
        AccountSeed.AssertFailure(await FilterEnvelope(field, op, "x"), 400, message);
    }

    [Fact]
    public async Task AdvancedFilter_WithAnUnknownOperator_ListsTheOperators()
    {
        var envelope = await FilterEnvelope("email", "LIKE", "x");

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.StartsWith("参数 advancedFilter[0].operator 只能是 EQUAL", (string)envelope["message"]!);
    }

    [Fact]
    public async Task Sort_OrdersByTheGivenFieldsWithEmptyValuesLast()
    {
        await AccountSeed.CreateUsersAsync(_client, User("b"), User("c", u => u.Remove("externalId")), User("a"));

        var page = AccountSeed.Data(await _client.PostEnvelopeAsync("/api/v3/list-users",
            new { options = new { sort = new[] { new { field = "username", order = "asc" } } } }));
        var byExternalIdDesc = AccountSeed.Data(await _client.PostEnvelopeAsync("/api/v3/list-users",
            new { options = new { sort = new[] { new { field = "externalId", order = "desc" } } } }));

        Assert.Equal(["a", "b", "c"], page["list"]!.AsArray().Select(u => (string)u!["username"]!));
        Assert.Equal("c", (string)byExternalIdDesc["list"]![2]!["username"]!);
    }

    [Theory]
    [InlineData("password", "asc", "不支持按字段 password 排序")]
    [InlineData("username", "up", "参数 sort.order 只能是 asc, desc")]
    public async Task Sort_WithUnknownFieldOrOrder_IsBadRequest(string field, string order, string message)
    {
        var envelope = await _client.PostEnvelopeAsync("/api/v3/list-users", new { options = new { sort = new[] { new { field, order } } } });

        AccountSeed.AssertFailure(envelope, 400, message);
    }
}
