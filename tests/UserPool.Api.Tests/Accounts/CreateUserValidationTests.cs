using Microsoft.EntityFrameworkCore;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Accounts;

/// <summary>Texts the Authing Node SDK's own tests pin (docs/contract.md §3), and the shape of validation errors.</summary>
[Collection(AccountsCollection.Name)]
public sealed class CreateUserValidationTests(UserPoolApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreateUser_WithNoIdentifier_AsksForUsernamePhoneOrEmail()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-user", new { });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal("Must contain one of the following fields: username, phone, email", (string)envelope["message"]!);
    }

    [Fact]
    public async Task CreateUser_WithEmailWithoutDottedDomain_SaysTheEmailFormatIsWrong()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-user", new { email = "test1@qqq" });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal("参数 email 格式错误", (string)envelope["message"]!);
        var error = Assert.Single(envelope["errors"]!.AsArray());
        Assert.Equal("email", (string)error!["field"]!);
        Assert.Equal("invalid_format", (string)error["code"]!);
    }

    [Fact]
    public async Task CreateUser_WithCustomDataStringOf1025Characters_IsRefused()
    {
        using var client = api.CreateSignedClient();
        await Seed.CustomFieldsAsync(client, new { targetType = "USER", key = "intro", dataType = "STRING" });

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-user",
            new { email = "test1@qq.com", customData = new { intro = new string('h', 1025) } });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal("customData must be less than 1024 characters", (string)envelope["message"]!);
        Assert.Equal("customData.intro", (string)envelope["errors"]![0]!["field"]!);
    }

    [Fact]
    public async Task CreateUser_WithCountryCodeButNoPhone_SaysPhoneCannotBeEmpty()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-user", new { phoneCountryCode = "+86", email = "test@qq.com" });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal("phone cannot be empty", (string)envelope["message"]!);
    }

    [Fact]
    public async Task CreateUsersBatch_WithSeveralBadItems_ListsEveryFailureAndWritesNothing()
    {
        using var client = api.CreateSignedClient();
        var list = new object[]
        {
            SampleUsers.Full(),
            new { email = "not-an-email", phone = "12ab", phoneCountryCode = "86" },
            SampleUsers.Full(),
            new { username = "ok", status = "Sleeping", gender = "X", birthdate = "yesterday", website = "not a url" },
        };

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new { list });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        var fields = envelope["errors"]!.AsArray().Select(e => (string)e!["field"]!).ToHashSet();
        Assert.Equal(["list[1].email", "list[1].phone", "list[1].phoneCountryCode", "list[3].status", "list[3].gender", "list[3].birthdate", "list[3].website"], fields);
        Assert.StartsWith("list[1]: ", (string)envelope["message"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal(0, await db.Accounts.CountAsync());
    }

    [Theory]
    [InlineData("{\"list\":[]}")]
    [InlineData("{\"list\":null}")]
    [InlineData("{}")]
    [InlineData("{\"list\":[null]}")]
    public async Task CreateUsersBatch_WithoutItems_Is400(string body)
    {
        using var client = api.CreateSignedClient();

        var envelope = await Envelopes.ReadAsync(await client.PostRawAsync("/api/v3/create-users-batch", body));

        Assert.Equal(400, (int)envelope["statusCode"]!);
    }

    [Fact]
    public async Task CreateUsersBatch_With51Items_IsRefusedByTheDefaultLimit()
    {
        using var client = api.CreateSignedClient();
        var list = Enumerable.Range(0, 51).Select(_ => SampleUsers.Full()).ToList();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new { list });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal("list", (string)envelope["errors"]![0]!["field"]!);
    }

    [Theory]
    [InlineData("{\"list\":[{\"username\":\"a\\u0000b\"}]}", "list[0].username")]
    [InlineData("{\"list\":[{\"username\":\"ok\",\"customData\":{\"k\":\"\\u0000\"}}]}", "list[0].customData")]
    [InlineData("{\"list\":[{\"username\":\"ok\",\"name\":\"line\\nbreak\"}]}", "list[0].name")]
    public async Task CreateUsersBatch_WithTextPostgresCannotStore_IsA400NotA500(string body, string field)
    {
        using var client = api.CreateSignedClient();

        var envelope = await Envelopes.ReadAsync(await client.PostRawAsync("/api/v3/create-users-batch", body));

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Contains(envelope["errors"]!.AsArray(), e => (string)e!["field"]! == field);
    }

    [Fact]
    public async Task CreateUsersBatch_WithAnEscapedLoneSurrogate_IsA400NamingThePath()
    {
        using var client = api.CreateSignedClient();

        var envelope = await Envelopes.ReadAsync(await client.PostRawAsync("/api/v3/create-users-batch", "{\"list\":[{\"username\":\"a\\ud800b\"}]}"));

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Contains("$.list[0].username", (string)envelope["message"]!);
    }

    [Fact]
    public async Task CreateUsersBatch_WithWrongJsonType_NamesThePath()
    {
        using var client = api.CreateSignedClient();

        var envelope = await Envelopes.ReadAsync(await client.PostRawAsync("/api/v3/create-users-batch", "{\"list\":[{\"username\":\"a\",\"emailVerified\":\"yes\"}]}"));

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Contains("$.list[0].emailVerified", (string)envelope["message"]!);
    }

    [Fact]
    public async Task CreateUsersBatch_WithInvalidIdentities_NamesEveryFailureOfTheFirstIdentityThatFails()
    {
        using var client = api.CreateSignedClient();
        var valid = new { extIdpId = "idp-1", provider = "wechat", type = "openid", userIdInIdp = "o-1" };
        var invalid = new { extIdpId = "a\nb", provider = "wechat", type = "", userIdInIdp = "o-2", originConnIds = new[] { "", "conn" } };

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch",
            new { list = new[] { new { username = "u", identities = new object?[] { valid, invalid, null } } } });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        var errors = envelope["errors"]!.AsArray().Select(e => ((string)e!["field"]!, (string)e["code"]!, (string)e["message"]!)).ToList();
        Assert.Equal(
            [
                ("list[0].identities[1].extIdpId", "invalid_text", "参数 extIdpId 含有不能保存的字符"),
                ("list[0].identities[1].type", "required", "参数 type 格式错误"),
                ("list[0].identities[1].originConnIds[0]", "invalid_format", "参数 originConnIds 格式错误"),
            ],
            errors);
    }

    [Fact]
    public async Task CreateUsersBatch_WithInvalidIds_NamesTheFirstIdThatFailsInEachList()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new
        {
            list = new[]
            {
                new { username = "a", departmentIds = new[] { "d-1", "two\nlines", "" }, tenantIds = new[] { "t-1", "   " } },
                new { username = "b", departmentIds = new[] { new string('d', 129), "" }, tenantIds = Array.Empty<string>() },
            },
        });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        var errors = envelope["errors"]!.AsArray().Select(e => ((string)e!["field"]!, (string)e["code"]!, (string)e["message"]!)).ToList();
        Assert.Equal(
            [
                ("list[0].departmentIds[1]", "invalid_text", "参数 departmentIds 含有不能保存的字符"),
                ("list[0].tenantIds[1]", "invalid_format", "参数 tenantIds 格式错误"),
                ("list[1].departmentIds[0]", "too_long", "参数 departmentIds 长度不能超过 128"),
            ],
            errors);
    }
}
