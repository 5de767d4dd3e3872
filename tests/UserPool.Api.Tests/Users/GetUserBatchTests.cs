using System.Text.Json.Nodes;
using UserPool.Api.Tests.Accounts;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Users;

[Collection(AccountReadsCollection.Name)]
public sealed class GetUserBatchTests(UserPoolApiFactory api) : IAsyncLifetime
{
    private readonly SignedClient _client = api.CreateSignedClient();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    private static string Batch(IEnumerable<string> ids, string userIdType = "user_id", string flags = "", string name = "userIds%5B%5D") =>
        "/api/v3/get-user-batch?" + string.Join("&", ids.Select(id => $"{name}={Uri.EscapeDataString(id)}")) + $"&userIdType={userIdType}{flags}";

    private static string[] Ids(JsonNode? list) => list!.AsArray().Select(a => (string)a!["userId"]!).ToArray();

    [Fact]
    public async Task GetUserBatch_AnswersInTheOrderAsked_LeavingOutUnknownIdsAndPublicAccounts()
    {
        var users = await AccountSeed.CreateUsersAsync(_client, SampleUsers.Full(), SampleUsers.Full(), SampleUsers.Full());
        var account = (await AccountSeed.CreatePublicAccountsAsync(_client, SampleUsers.Full()))[0];
        var ids = users.Select(u => (string)u["userId"]!).ToArray();

        var envelope = await _client.GetEnvelopeAsync(Batch([ids[2], "unknown", ids[0], (string)account["userId"]!, ids[2]]));

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.Equal([ids[2], ids[0]], Ids(envelope["data"]));
        Assert.Null(envelope["data"]![0]!["customData"]);
        Assert.Null(envelope["data"]![0]!["identities"]);
    }

    [Fact]
    public async Task GetUserBatch_WithTheFlags_AnswersCustomDataIdentitiesAndDepartments()
    {
        var departments = await AccountSeed.CreateDepartmentsAsync(api, "研发");
        await AccountSeed.DefineCustomFieldsAsync(_client, ("school", "STRING"));
        var sample = SampleUsers.Full();
        sample["departmentIds"] = departments;
        sample["customData"] = new Dictionary<string, object> { ["school"] = "pku" };
        sample["identities"] = new[] { new { extIdpId = "idp", provider = "github", type = "primary", userIdInIdp = "gh-9" } };
        await AccountSeed.CreateUsersAsync(_client, sample);

        var envelope = await _client.GetEnvelopeAsync(Batch(["idp:gh-9"], "identity",
            "&withCustomData=true&flatCustomData=true&withIdentities=True&withDepartmentIds=1"));

        var user = envelope["data"]![0]!;
        Assert.Equal("pku", (string)user["customData"]!["school"]!);
        Assert.Equal("pku", (string)user["school"]!);
        Assert.Equal("gh-9", (string)user["identities"]![0]!["userIdInIdp"]!);
        Assert.Equal(departments, user["departmentIds"]!.AsArray().Select(d => (string)d!));
    }

    [Fact]
    public async Task GetUserBatch_ByEmailWithPlainRepeatedUserIds_FromATokenClient()
    {
        var samples = new[] { SampleUsers.Full(), SampleUsers.Full() };
        var users = await AccountSeed.CreateUsersAsync(_client, samples);
        using var tokenClient = await AccountSeed.CreateTokenClientAsync(api);

        var envelope = await Envelopes.ReadAsync(await tokenClient.GetAsync(
            Batch(samples.Select(s => ((string)s["email"]!).ToUpperInvariant()), "email", name: "userIds")));

        Assert.Equal(users.Select(u => (string)u["userId"]!), Ids(envelope["data"]));
    }

    [Fact]
    public async Task GetUserBatch_WithNoIdsTooManyOrAnUnservedType_IsBadRequest()
    {
        var none = await _client.GetEnvelopeAsync("/api/v3/get-user-batch?userIdType=user_id&withCustomData=false");
        var tooMany = await _client.GetEnvelopeAsync(Batch(Enumerable.Range(0, 51).Select(i => $"id{i}")));
        var syncRelation = await _client.GetEnvelopeAsync(Batch(["lark:ou_1"], "sync_relation"));
        var badFlag = await _client.GetEnvelopeAsync(Batch(["x"], flags: "&withIdentities=maybe"));

        AccountSeed.AssertFailure(none, 400, "参数 userIds 格式错误");
        AccountSeed.AssertFailure(tooMany, 400, "参数 userIds 最多 50 项");
        AccountSeed.AssertFailure(syncRelation, 400, "暂不支持 userIdType 为 sync_relation");
        AccountSeed.AssertFailure(badFlag, 400, "参数 withIdentities 格式错误");
    }
}
