using System.Text.Json.Nodes;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Accounts;

[Collection(AccountReadsCollection.Name)]
public sealed class GetUserTests(UserPoolApiFactory api) : IAsyncLifetime
{
    private readonly SignedClient _client = api.CreateSignedClient();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    private Task<JsonObject> GetUser(string userId, string userIdType = "user_id", string flags = "") =>
        _client.GetEnvelopeAsync($"/api/v3/get-user?userId={Uri.EscapeDataString(userId)}&userIdType={userIdType}{flags}");

    [Fact]
    public async Task GetUser_ByUserId_ReturnsTheStoredUserAsCreated()
    {
        var created = await AccountSeed.CreateUserAsync(_client);

        var user = AccountSeed.Data(await GetUser((string)created["userId"]!));

        foreach (var (field, value) in created.Where(p => p.Key is not ("customData" or "identities" or "departmentIds" or "postIdList")))
        {
            Assert.True(JsonNode.DeepEquals(value, user[field]), $"{field}: {value?.ToJsonString()} != {user[field]?.ToJsonString()}");
        }
    }

    [Theory]
    [InlineData("username")]
    [InlineData("email")]
    [InlineData("external_id")]
    public async Task GetUser_ByUniqueFieldInAnyCase_FindsTheUser(string userIdType)
    {
        var sample = SampleUsers.Full();
        var created = await AccountSeed.CreateUserAsync(_client, sample);
        var value = userIdType switch
        {
            "username" => ((string)sample["username"]!).ToUpperInvariant(),
            "email" => ((string)sample["email"]!).ToUpperInvariant(),
            _ => (string)sample["externalId"]!,
        };

        var user = AccountSeed.Data(await GetUser(value, userIdType));

        Assert.Equal((string)created["userId"]!, (string)user["userId"]!);
        Assert.Equal(sample["email"], (string)user["email"]!);
    }

    [Fact]
    public async Task GetUser_ByExternalIdInAnotherCase_IsNotFound()
    {
        var sample = SampleUsers.Full();
        await AccountSeed.CreateUserAsync(_client, sample);

        AccountSeed.AssertFailure(await GetUser(((string)sample["externalId"]!).ToUpperInvariant(), "external_id"), 404, "用户不存在");
    }

    [Theory]
    [InlineData("13800138000")]
    [InlineData("138-0013-8000")]
    [InlineData("(138) 0013 8000")]
    [InlineData("+86 138 0013 8000")]
    [InlineData("+8613800138000")]
    public async Task GetUser_ByPhoneWithSeparatorsOrCountryCode_FindsTheUser(string phone)
    {
        var sample = SampleUsers.Full();
        sample["phone"] = "13800138000";
        var created = await AccountSeed.CreateUserAsync(_client, sample);

        var user = AccountSeed.Data(await GetUser(phone, "phone"));

        Assert.Equal((string)created["userId"]!, (string)user["userId"]!);
    }

    [Fact]
    public async Task GetUser_ByPhoneHeldUnderTwoCountryCodes_PrefersPlus86UnlessTheCodeIsWritten()
    {
        var american = SampleUsers.Full();
        american["phone"] = "2124561111";
        american["phoneCountryCode"] = "+1";
        var chinese = SampleUsers.Full();
        chinese["phone"] = "2124561111";
        var created = await AccountSeed.CreateUsersAsync(_client, american, chinese);

        var preferred = AccountSeed.Data(await GetUser("212-456-1111", "phone"));
        var explicitCode = AccountSeed.Data(await GetUser("+1 212-456-1111", "phone"));

        Assert.Equal((string)created[1]["userId"]!, (string)preferred["userId"]!);
        Assert.Equal((string)created[0]["userId"]!, (string)explicitCode["userId"]!);
    }

    [Fact]
    public async Task GetUser_ByIdentity_FindsTheUserHoldingIt()
    {
        var sample = SampleUsers.Full();
        sample["identities"] = new[] { new { extIdpId = "idp-1", provider = "github", type = "generic", userIdInIdp = "gh:42" } };
        var created = await AccountSeed.CreateUserAsync(_client, sample);

        var user = AccountSeed.Data(await GetUser("idp-1:gh:42", "identity"));

        Assert.Equal((string)created["userId"]!, (string)user["userId"]!);
        AccountSeed.AssertFailure(await GetUser("idp-2:gh:42", "identity"), 404, "用户不存在");
    }

    [Theory]
    [InlineData("test", "user_id", 404, "用户不存在")]
    [InlineData("test#x.com", "email", 400, "参数 userId 格式错误")]
    [InlineData("nobody@example.com", "email", 404, "用户不存在")]
    [InlineData("212-456-1111", "phone", 404, "用户不存在")]
    [InlineData("1234567890#", "phone", 400, "参数 userId 格式错误")]
    [InlineData("+", "phone", 400, "参数 userId 格式错误")]
    [InlineData("no-colon", "identity", 400, "参数 userId 格式错误")]
    [InlineData("nobody", "username", 404, "用户不存在")]
    public async Task GetUser_WithUnknownOrMalformedId_AnswersTheSdkText(string userId, string userIdType, int statusCode, string message)
    {
        AccountSeed.AssertFailure(await GetUser(userId, userIdType), statusCode, message);
    }

    [Fact]
    public async Task GetUser_NotFound_CarriesApiCode2004AndEnglishTextWhenAsked()
    {
        _client.Lang = "en-US";

        var envelope = await GetUser("nobody");

        AccountSeed.AssertFailure(envelope, 404, "User does not exist");
        Assert.Equal(2004, (int)envelope["apiCode"]!);
    }

    [Theory]
    [InlineData("sync_relation")]
    [InlineData("custom_field")]
    public async Task GetUser_WithUnsupportedIdType_SaysItIsNotSupported(string userIdType)
    {
        AccountSeed.AssertFailure(await GetUser("a:b", userIdType), 400, $"暂不支持 userIdType 为 {userIdType}");
    }

    [Fact]
    public async Task GetUser_WithUnknownIdTypeOrNoUserId_IsBadRequest()
    {
        var unknownType = await GetUser("x", "nickname");
        var noUserId = await _client.GetEnvelopeAsync("/api/v3/get-user?userIdType=user_id");

        Assert.Equal(400, (int)unknownType["statusCode"]!);
        Assert.StartsWith("参数 userIdType 只能是 user_id", (string)unknownType["message"]!);
        AccountSeed.AssertFailure(noUserId, 400, "参数 userId 不能为空");
    }

    [Fact]
    public async Task GetUser_ForAPublicAccount_IsNotFound()
    {
        var sample = SampleUsers.Full();
        var account = (await AccountSeed.CreatePublicAccountsAsync(_client, sample))[0];

        AccountSeed.AssertFailure(await GetUser((string)account["userId"]!), 404, "用户不存在");
        AccountSeed.AssertFailure(await GetUser((string)sample["email"]!, "email"), 404, "用户不存在");
    }

    [Fact]
    public async Task GetUser_FromAnotherPool_IsNotFound()
    {
        var created = await AccountSeed.CreateUserAsync(_client);
        using var other = await api.CreateOtherPoolClientAsync();

        var envelope = await Envelopes.ReadAsync(await other.Client.GetAsync($"/api/v3/get-user?userId={created["userId"]}&userIdType=user_id"));

        AccountSeed.AssertFailure(envelope, 404, "用户不存在");
    }
}
