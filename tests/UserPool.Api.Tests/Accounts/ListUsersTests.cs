using System.Text.Json.Nodes;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Accounts;

[Collection(AccountReadsCollection.Name)]
public sealed class ListUsersTests(UserPoolApiFactory api) : IAsyncLifetime
{
    private readonly SignedClient _client = api.CreateSignedClient();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    private Task<JsonObject> ListUsers(object body) => _client.PostEnvelopeAsync("/api/v3/list-users", body);

    private static string[] Ids(JsonObject page) => page["list"]!.AsArray().Select(u => (string)u!["userId"]!).ToArray();

    private static string[] NewestFirst(IEnumerable<JsonObject> users) =>
        users.OrderByDescending(u => (string)u["createdAt"]!).ThenByDescending(u => (string)u["userId"]!, StringComparer.Ordinal)
            .Select(u => (string)u["userId"]!).ToArray();

    [Fact]
    public async Task ListUsers_WithoutOptions_AnswersTheFirstTenNewestFirstAndTheTotal()
    {
        var created = await AccountSeed.CreateUsersAsync(_client, Enumerable.Range(0, 15).Select(_ => SampleUsers.Full()).ToArray());

        var page = AccountSeed.Data(await ListUsers(new { }));

        Assert.Equal(15, (int)page["totalCount"]!);
        Assert.Equal(NewestFirst(created).Take(10), Ids(page));
    }

    [Fact]
    public async Task ListUsers_PageByPage_CoversEveryUserOnceAndKeepsTheTotal()
    {
        var created = await AccountSeed.CreateUsersAsync(_client, Enumerable.Range(0, 12).Select(_ => SampleUsers.Full()).ToArray());

        var pages = new List<JsonObject>();
        for (var number = 1; number <= 4; number++)
        {
            pages.Add(AccountSeed.Data(await ListUsers(new { options = new { pagination = new { page = number, limit = 5 } } })));
        }

        Assert.All(pages, p => Assert.Equal(12, (int)p["totalCount"]!));
        Assert.Equal([5, 5, 2, 0], pages.Select(p => p["list"]!.AsArray().Count));
        Assert.Equal(NewestFirst(created), pages.SelectMany(Ids));
    }

    [Fact]
    public async Task ListUsers_WithLimit50_IsAccepted()
    {
        await AccountSeed.CreateUserAsync(_client);

        var page = AccountSeed.Data(await ListUsers(new { options = new { pagination = new { page = 1, limit = 50 } } }));

        Assert.Equal(1, (int)page["totalCount"]!);
    }

    [Theory]
    [InlineData("""{"page":0}""", "参数 page 格式错误")]
    [InlineData("""{"page":-1}""", "参数 page 格式错误")]
    [InlineData("""{"page":1.5}""", "参数 page 格式错误")]
    [InlineData("""{"page":"abc"}""", "参数 page 格式错误")]
    [InlineData("""{"page":true}""", "参数 page 格式错误")]
    [InlineData("""{"page":99999999999999999999999}""", "参数 page 格式错误")]
    [InlineData("""{"page":2147483647}""", "参数 page 格式错误")]
    [InlineData("""{"limit":0}""", "参数 limit 格式错误")]
    [InlineData("""{"limit":-5}""", "参数 limit 格式错误")]
    [InlineData("""{"limit":220}""", "limit must less than 50")]
    [InlineData("""{"limit":51}""", "limit must less than 50")]
    public async Task ListUsers_WithBadPagination_AnswersTheSdkText(string pagination, string message)
    {
        var response = await _client.PostRawAsync("/api/v3/list-users", """{"options":{"pagination":""" + pagination + "}}");

        AccountSeed.AssertFailure(await Envelopes.ReadAsync(response), 400, message);
    }

    [Fact]
    public async Task ListUsers_WithCollectionsAsked_AnswersThemOnEveryUser()
    {
        await AccountSeed.CreateUserAsync(_client);

        var asked = AccountSeed.Data(await ListUsers(new { options = new { withCustomData = true, withIdentities = true, withDepartmentIds = true } }));
        var plain = AccountSeed.Data(await ListUsers(new { }));

        var user = asked["list"]![0]!.AsObject();
        Assert.Equal("{}", user["customData"]!.ToJsonString());
        Assert.Equal("[]", user["identities"]!.ToJsonString());
        Assert.Equal("[]", user["departmentIds"]!.ToJsonString());
        var bare = plain["list"]![0]!.AsObject();
        Assert.Null(bare["customData"]);
        Assert.Null(bare["identities"]);
        Assert.Null(bare["departmentIds"]);
    }

    [Fact]
    public async Task ListUsers_LeavesOutPublicAccountsAndOtherPools()
    {
        var user = await AccountSeed.CreateUserAsync(_client);
        await AccountSeed.CreatePublicAccountsAsync(_client, SampleUsers.Full(), SampleUsers.Full());
        using var other = await api.CreateOtherPoolClientAsync();
        await AccountSeed.CreateUserAsync(other.Client);

        var page = AccountSeed.Data(await ListUsers(new { }));

        Assert.Equal(1, (int)page["totalCount"]!);
        Assert.Equal([(string)user["userId"]!], Ids(page));
    }

    [Fact]
    public async Task ListUsers_WithAnEmptyBody_ListsTheFirstPage()
    {
        await AccountSeed.CreateUserAsync(_client);

        var page = AccountSeed.Data(await Envelopes.ReadAsync(await _client.PostRawAsync("/api/v3/list-users", "")));

        Assert.Equal(1, (int)page["totalCount"]!);
    }

    [Fact]
    public async Task ListUsers_WithASearchQuery_SaysItIsNotSupported()
    {
        var envelope = await ListUsers(new { searchQuery = new { field = "x" } });

        AccountSeed.AssertFailure(envelope, 400, "暂不支持参数 searchQuery");
    }
}
