using System.Text.Json.Nodes;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Accounts;

[Collection(AccountReadsCollection.Name)]
public sealed class PublicAccountReadTests(UserPoolApiFactory api) : IAsyncLifetime
{
    private readonly SignedClient _client = api.CreateSignedClient();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    private Task<JsonObject> Get(string userId, string userIdType = "user_id", string flags = "&withCustomData=false&withDepartmentIds=false") =>
        _client.GetEnvelopeAsync($"/api/v3/get-public-account?userId={Uri.EscapeDataString(userId)}&userIdType={userIdType}{flags}");

    private static string Batch(IEnumerable<string> ids, string name = "userIds%5B%5D") =>
        "/api/v3/get-public-account-batch?" + string.Join("&", ids.Select(id => $"{name}={Uri.EscapeDataString(id)}")) +
        "&userIdType=user_id&withCustomData=false&withDepartmentIds=false";

    private static string[] Ids(JsonNode? list) => list!.AsArray().Select(a => (string)a!["userId"]!).ToArray();

    [Fact]
    public async Task GetPublicAccount_ByIdOrUpperCasedEmail_AnswersAPublicAccountDto()
    {
        var sample = SampleUsers.Full();
        var created = (await AccountSeed.CreatePublicAccountsAsync(_client, sample))[0];

        var byId = AccountSeed.Data(await Get((string)created["userId"]!));
        var byEmail = AccountSeed.Data(await Get(((string)sample["email"]!).ToUpperInvariant(), "email"));

        Assert.Equal((string)created["userId"]!, (string)byEmail["userId"]!);
        Assert.Equal(sample["username"], (string)byId["username"]!);
        foreach (var userOnly in new[] { "identities", "postIdList", "metadataSource", "signedUp" })
        {
            Assert.False(byId.ContainsKey(userOnly), userOnly);
        }

        Assert.Null(byId["customData"]);
        Assert.Null(byId["departmentIds"]);
    }

    [Fact]
    public async Task GetPublicAccount_WithFlags_AnswersCustomDataAndDepartments()
    {
        var departments = await AccountSeed.CreateDepartmentsAsync(api, "客服");
        var sample = SampleUsers.Full();
        sample["departmentIds"] = departments;
        var created = (await AccountSeed.CreatePublicAccountsAsync(_client, sample))[0];

        var account = AccountSeed.Data(await Get((string)created["userId"]!, flags: "&withCustomData=true&withDepartmentIds=TRUE"));

        Assert.Equal("{}", account["customData"]!.ToJsonString());
        Assert.Equal(departments, account["departmentIds"]!.AsArray().Select(d => (string)d!));
    }

    [Fact]
    public async Task GetPublicAccount_ForAUserOrAnotherPool_IsNotFound()
    {
        var user = await AccountSeed.CreateUserAsync(_client);
        var account = (await AccountSeed.CreatePublicAccountsAsync(_client, SampleUsers.Full()))[0];
        using var other = await api.CreateOtherPoolClientAsync();

        var fromOtherPool = await Envelopes.ReadAsync(await other.Client.GetAsync($"/api/v3/get-public-account?userId={account["userId"]}"));

        AccountSeed.AssertFailure(await Get((string)user["userId"]!), 404, "公共账号不存在");
        AccountSeed.AssertFailure(fromOtherPool, 404, "公共账号不存在");
    }

    [Fact]
    public async Task GetPublicAccountBatch_AnswersInTheOrderAskedLeavingOutUnknownIdsAndUsers()
    {
        var accounts = await AccountSeed.CreatePublicAccountsAsync(_client, SampleUsers.Full(), SampleUsers.Full(), SampleUsers.Full());
        var user = await AccountSeed.CreateUserAsync(_client);
        var ids = accounts.Select(a => (string)a["userId"]!).ToArray();

        var envelope = await _client.GetEnvelopeAsync(Batch([ids[2], "unknown", ids[0], (string)user["userId"]!, ids[2]]));

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.Equal([ids[2], ids[0]], Ids(envelope["data"]));
    }

    [Fact]
    public async Task GetPublicAccountBatch_WithPlainRepeatedUserIds_ReadsThemToo()
    {
        var accounts = await AccountSeed.CreatePublicAccountsAsync(_client, SampleUsers.Full(), SampleUsers.Full());
        using var tokenClient = await AccountSeed.CreateTokenClientAsync(api);

        var envelope = await Envelopes.ReadAsync(await tokenClient.GetAsync(Batch(accounts.Select(a => (string)a["userId"]!), "userIds")));

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.Equal(accounts.Select(a => (string)a["userId"]!), Ids(envelope["data"]));
    }

    [Fact]
    public async Task GetPublicAccountBatch_WithNoIdsOrMoreThan50_IsBadRequest()
    {
        var none = await _client.GetEnvelopeAsync("/api/v3/get-public-account-batch?userIdType=user_id");
        var tooMany = await _client.GetEnvelopeAsync(Batch(Enumerable.Range(0, 51).Select(i => $"id{i}")));

        // The text the SDK's getUserBatch and deleteUsersBatch tests pin for an empty list (it was "不能为空" before #14).
        AccountSeed.AssertFailure(none, 400, "参数 userIds 格式错误");
        AccountSeed.AssertFailure(tooMany, 400, "参数 userIds 最多 50 项");
    }

    [Fact]
    public async Task ListPublicAccounts_WithAnEmptyBody_ListsPublicAccountsOnly()
    {
        var accounts = await AccountSeed.CreatePublicAccountsAsync(_client, SampleUsers.Full(), SampleUsers.Full());
        await AccountSeed.CreateUserAsync(_client);

        var page = AccountSeed.Data(await Envelopes.ReadAsync(await _client.PostRawAsync("/api/v3/list-public-accounts", "")));

        Assert.Equal(2, (int)page["totalCount"]!);
        Assert.Equal(accounts.Select(a => (string)a["userId"]!).Order(), Ids(page["list"]).Order());
        Assert.False(page["list"]![0]!.AsObject().ContainsKey("identities"));
    }

    [Fact]
    public async Task ListPublicAccounts_SearchesFiltersAndPagesAsListUsersDoes()
    {
        var wanted = SampleUsers.Full();
        wanted["nickname"] = "前台账号";
        await AccountSeed.CreatePublicAccountsAsync(_client, wanted, SampleUsers.Full());

        var found = AccountSeed.Data(await _client.PostEnvelopeAsync("/api/v3/list-public-accounts", new
        {
            keywords = "前台",
            advancedFilter = new[] { new { field = "status", @operator = "EQUAL", value = "Activated" } },
            options = new { pagination = new { page = 1, limit = 5 }, withCustomData = true },
        }));
        var badLimit = await _client.PostEnvelopeAsync("/api/v3/list-public-accounts", new { options = new { pagination = new { limit = 220 } } });

        Assert.Equal(1, (int)found["totalCount"]!);
        Assert.Equal(wanted["username"], (string)found["list"]![0]!["username"]!);
        Assert.Equal("{}", found["list"]![0]!["customData"]!.ToJsonString());
        AccountSeed.AssertFailure(badLimit, 400, "limit must less than 50");
    }
}
