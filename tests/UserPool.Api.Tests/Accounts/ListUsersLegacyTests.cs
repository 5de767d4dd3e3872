using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Accounts;

[Collection(AccountReadsCollection.Name)]
public sealed class ListUsersLegacyTests(UserPoolApiFactory api) : IAsyncLifetime
{
    /// <summary>What listUsersLegacy({}) sends (observed from the Node SDK).</summary>
    private const string SdkDefaults =
        "page=1&limit=10&withCustomData=false&withPost=false&withIdentities=false&withDepartmentIds=false&withUserPasswordExpireTime=false";

    private readonly SignedClient _client = api.CreateSignedClient();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    private Task<JsonObject> List(string query) => _client.GetEnvelopeAsync("/api/v3/list-users?" + query);

    [Fact]
    public async Task ListUsersLegacy_WithTheSdkDefaults_AnswersAPageOfUsersOnly()
    {
        await AccountSeed.CreateUsersAsync(_client, Enumerable.Range(0, 12).Select(_ => SampleUsers.Full()).ToArray());
        await AccountSeed.CreatePublicAccountsAsync(_client, SampleUsers.Full());

        var page = AccountSeed.Data(await List(SdkDefaults));

        Assert.Equal(12, (int)page["totalCount"]!);
        Assert.Equal(10, page["list"]!.AsArray().Count);
        Assert.Null(page["list"]![0]!["customData"]);
    }

    [Fact]
    public async Task ListUsersLegacy_WithFlags_AnswersTheCollections()
    {
        await AccountSeed.CreateUserAsync(_client);

        var page = AccountSeed.Data(await List("page=2&limit=1&withCustomData=True&withDepartmentIds=true"));
        var first = AccountSeed.Data(await List("page=1&limit=1&withCustomData=True&withDepartmentIds=true&withPost=true"));

        Assert.Empty(page["list"]!.AsArray());
        Assert.Equal(1, (int)page["totalCount"]!);
        Assert.Equal("{}", first["list"]![0]!["customData"]!.ToJsonString());
        Assert.Equal("[]", first["list"]![0]!["departmentIds"]!.ToJsonString());
        Assert.Equal("[]", first["list"]![0]!["postIdList"]!.ToJsonString());
    }

    [Fact]
    public async Task ListUsersLegacy_FiltersByStatusAndUpdatedAtInUnixSeconds()
    {
        var created = await AccountSeed.CreateUsersAsync(_client, SampleUsers.Full(), SampleUsers.Full(), SampleUsers.Full());
        var ids = created.Select(u => (string)u["userId"]!).ToArray();
        await using (var db = api.CreateDbContext())
        {
            for (var i = 0; i < ids.Length; i++)
            {
                var updated = new DateTime(2024, 1, 1 + i, 0, 0, 0, DateTimeKind.Utc).AddMilliseconds(500);
                var id = ids[i];
                await db.Accounts.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.UpdatedAt, updated));
            }

            var last = ids[2];
            await db.Accounts.Where(a => a.Id == last).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, "Suspended"));
        }

        var second = new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var byTime = AccountSeed.Data(await List($"updatedAtStart={second}&updatedAtEnd={second}"));
        var byStatus = AccountSeed.Data(await List("status=Suspended"));

        Assert.Equal([ids[1]], byTime["list"]!.AsArray().Select(u => (string)u!["userId"]!));
        Assert.Equal([ids[2]], byStatus["list"]!.AsArray().Select(u => (string)u!["userId"]!));
    }

    [Theory]
    [InlineData("page=0", "参数 page 格式错误")]
    [InlineData("page=abc", "参数 page 格式错误")]
    [InlineData("page=99999999999999999999", "参数 page 格式错误")]
    [InlineData("limit=0", "参数 limit 格式错误")]
    [InlineData("limit=ten", "参数 limit 格式错误")]
    [InlineData("limit=220", "limit must less than 50")]
    [InlineData("status=invalid", "参数 status 格式错误")]
    [InlineData("updatedAtStart=yesterday", "参数 updatedAtStart 格式错误")]
    [InlineData("updatedAtEnd=99999999999999", "参数 updatedAtEnd 格式错误")]
    [InlineData("withIdentities=maybe", "参数 withIdentities 格式错误")]
    public async Task ListUsersLegacy_WithBadParameters_NamesThem(string query, string message)
    {
        AccountSeed.AssertFailure(await List(query), 400, message);
    }
}
