using System.Text.Json.Nodes;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Accounts;

[Collection(AccountReadsCollection.Name)]
public sealed class GetUserOptionsTests(UserPoolApiFactory api) : IAsyncLifetime
{
    private const string AllFalse = "&flatCustomData=false&withCustomData=false&withPost=false&withIdentities=false&withDepartmentIds=false";

    private readonly SignedClient _client = api.CreateSignedClient();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    private async Task<JsonObject> GetUser(string userId, string flags) =>
        AccountSeed.Data(await _client.GetEnvelopeAsync($"/api/v3/get-user?userId={userId}&userIdType=user_id{flags}"));

    [Fact]
    public async Task GetUser_WithEveryFlagFalse_AnswersTheCollectionsAsNull()
    {
        var created = await AccountSeed.CreateUserAsync(_client);

        var user = await GetUser((string)created["userId"]!, AllFalse);

        foreach (var field in new[] { "customData", "identities", "departmentIds", "postIdList" })
        {
            Assert.True(user.ContainsKey(field), field);
            Assert.Null(user[field]);
        }
    }

    [Fact]
    public async Task GetUser_WithEveryFlagTrueOnABareUser_AnswersEmptyCollections()
    {
        var created = await AccountSeed.CreateUserAsync(_client);

        var user = await GetUser((string)created["userId"]!, "&withCustomData=true&withPost=true&withIdentities=true&withDepartmentIds=true");

        Assert.Equal("{}", user["customData"]!.ToJsonString());
        Assert.Equal("[]", user["identities"]!.ToJsonString());
        Assert.Equal("[]", user["departmentIds"]!.ToJsonString());
        Assert.Equal("[]", user["postIdList"]!.ToJsonString());
    }

    [Fact]
    public async Task GetUser_WithCustomData_KeepsTheValuesTypes()
    {
        await AccountSeed.DefineCustomFieldsAsync(_client, ("intro", "STRING"), ("age", "NUMBER"), ("graduated", "BOOLEAN"));
        var sample = SampleUsers.Full();
        sample["customData"] = new { intro = "自我介绍", age = 30, graduated = true };
        var created = await AccountSeed.CreateUserAsync(_client, sample);

        var user = await GetUser((string)created["userId"]!, "&withCustomData=True");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"intro":"自我介绍","age":30,"graduated":true}"""), user["customData"]));
    }

    [Fact]
    public async Task GetUser_WithIdentitiesAndDepartmentIds_AnswersThemWithoutProviderTokens()
    {
        var departments = await AccountSeed.CreateDepartmentsAsync(api, "研发", "市场");
        var sample = SampleUsers.Full();
        sample["departmentIds"] = departments;
        sample["identities"] = new[]
        {
            new { extIdpId = "idp-1", provider = "github", type = "generic", userIdInIdp = "42", accessToken = "secret-token" },
        };
        var created = await AccountSeed.CreateUserAsync(_client, sample);

        var user = await GetUser((string)created["userId"]!, "&withIdentities=TRUE&withDepartmentIds=true");

        Assert.Equal(departments.Order(), user["departmentIds"]!.AsArray().Select(d => (string)d!).Order());
        var identity = Assert.Single(user["identities"]!.AsArray())!.AsObject();
        Assert.Equal("idp-1", (string)identity["extIdpId"]!);
        Assert.Equal("42", (string)identity["userIdInIdp"]!);
        Assert.Matches("^[0-9a-f]{24}$", (string)identity["identityId"]!);
        Assert.False(identity.ContainsKey("accessToken"));
        Assert.Null(user["customData"]);
    }

    [Fact]
    public async Task GetUser_WithFlatCustomData_CopiesCustomDataToTheTopWithoutOverridingBuiltInFields()
    {
        await AccountSeed.DefineCustomFieldsAsync(_client, ("school", "STRING"), ("nickname", "STRING"));
        var sample = SampleUsers.Full();
        sample["customData"] = new { school = "pku", nickname = "custom nickname" };
        var created = await AccountSeed.CreateUserAsync(_client, sample);

        var flat = await GetUser((string)created["userId"]!, "&flatCustomData=true&withCustomData=false");
        var both = await GetUser((string)created["userId"]!, "&flatCustomData=true&withCustomData=true");

        Assert.Equal("pku", (string)flat["school"]!);
        Assert.Equal(sample["nickname"], (string)flat["nickname"]!);
        Assert.Null(flat["customData"]);
        Assert.Equal("pku", (string)both["school"]!);
        Assert.Equal("custom nickname", (string)both["customData"]!["nickname"]!);
    }

    [Theory]
    [InlineData("withCustomData")]
    [InlineData("flatCustomData")]
    [InlineData("withDepartmentIds")]
    public async Task GetUser_WithAFlagThatIsNotABoolean_NamesTheFlag(string flag)
    {
        var envelope = await _client.GetEnvelopeAsync($"/api/v3/get-user?userId=x&userIdType=user_id&{flag}=yes");

        AccountSeed.AssertFailure(envelope, 400, $"参数 {flag} 格式错误");
    }
}
