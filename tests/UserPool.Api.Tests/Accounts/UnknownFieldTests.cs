using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Accounts;

/// <summary>
/// A key that names no field of an item, identity, otp, options or sendNotification is refused with its path and the
/// nearest known field, and nothing is written; Api:UnknownFields=Ignore skips such keys instead.
/// </summary>
[Collection(AccountsCollection.Name)]
public sealed class UnknownFieldTests(UserPoolApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("""{"list": [{"username": "ada", "externalID": "1"}]}""", 0, "list[0].externalID", "externalId")]
    [InlineData("""{"list": [{"username": "ada"}, {"username": "bob", "phone_contry_code": "+86"}]}""", 1, "list[1].phone_contry_code", "phone_country_code")]
    [InlineData("""{"list": [{"username": "ada", "identities": [{"extIdpId": "i", "provider": "github", "type": "t", "userIdInIDP": "u"}]}]}""",
        0, "list[0].identities[0].userIdInIDP", "userIdInIdp")]
    [InlineData("""{"list": [{"username": "ada", "otp": {"secret": "JBSWY3DPEHPK3PXP", "recoverycodes": "x"}}]}""", 0, "list[0].otp.recoverycodes", "recoveryCode")]
    [InlineData("""{"list": [{"username": "ada"}], "options": {"dryrun": true}}""", null, "options.dryrun", "dryRun")]
    [InlineData("""{"list": [{"username": "ada"}], "options": {"sendNotification": {"appid": "a"}}}""", null, "options.sendNotification.appid", "appId")]
    [InlineData("""{"list": [{"username": "ada", "options": {"keepPasword": true}}]}""", 0, "list[0].options.keepPasword", "keepPassword")]
    [InlineData("""{"lists": [{"username": "ada"}]}""", null, "lists", "list")]
    public async Task UnknownKey_IsRefusedWithItsPathAndTheNearestField(string body, int? index, string field, string nearest)
    {
        using var client = api.CreateSignedClient();
        client.Lang = "en-US";

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", JsonNode.Parse(body));

        Assert.Equal(400, (int)envelope["statusCode"]!);
        var error = envelope["errors"]!.AsArray().Single()!;
        Assert.Equal(index, (int?)error["index"]);
        Assert.Equal(field, (string)error["field"]!);
        Assert.Equal("unknown_field", (string)error["code"]!);
        Assert.Equal($"Unknown field {field}: did you mean {nearest}?", (string)error["message"]!);
        Assert.Equal(error["message"]!.GetValue<string>(), (string)envelope["message"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal(0, await db.Accounts.CountAsync());
    }

    [Fact]
    public async Task UnknownKey_FarFromEveryField_IsRefusedWithoutASuggestion_InChineseByDefault()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch",
            JsonNode.Parse("""{"list": [{"username": "ada", "favouriteColour": "blue"}]}"""));

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal("未知字段 list[0].favouriteColour", (string)envelope["message"]!);
    }

    [Fact]
    public async Task UnknownKey_InASingleCreate_IsNamedWithoutAnIndex()
    {
        using var client = api.CreateSignedClient();
        client.Lang = "en-US";

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-public-account",
            JsonNode.Parse("""{"username": "ada", "extrnalId": "1"}"""));

        var error = envelope["errors"]!.AsArray().Single()!;
        Assert.Null(error["index"]);
        Assert.Equal("extrnalId", (string)error["field"]!);
        Assert.Equal("Unknown field extrnalId: did you mean externalId?", (string)error["message"]!);
    }

    [Fact]
    public async Task UnknownKey_NeedingBrackets_IsNamedAsAJsonPath()
    {
        using var client = api.CreateSignedClient();
        client.Lang = "en-US";

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-public-accounts-batch",
            JsonNode.Parse("""{"list": [{"username": "ada", "e mail": "a@example.com"}]}"""));

        Assert.Equal("list[0]['e mail']", (string)envelope["errors"]![0]!["field"]!);
        Assert.Equal("Unknown field list[0]['e mail']: did you mean email?", (string)envelope["message"]!);
    }

    [Fact]
    public async Task UnknownKey_ThatIsVeryLong_IsEchoedShortened()
    {
        using var client = api.CreateSignedClient();
        var key = new string('k', 10_000);

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch",
            new JsonObject { ["list"] = new JsonArray(new JsonObject { ["username"] = "ada", [key] = 1 }) });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal($"list[0].{new string('k', 64)}…", (string)envelope["errors"]![0]!["field"]!);
        Assert.True(envelope.ToJsonString().Length < 1_000);
    }

    [Fact]
    public async Task KnownFieldsOfEveryObject_AreAccepted()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", JsonNode.Parse("""
            {"list": [{"username": "ada", "otp": {"secret": "", "recoveryCode": null},
                       "identities": [{"extIdpId": "i", "provider": "github", "type": "t", "userIdInIdp": "u", "userInfoInIdp": null,
                                       "accessToken": null, "refreshToken": null, "originConnIds": null}],
                       "options": {"resetPasswordOnFirstLogin": true}}],
             "options": {"keepPassword": false, "autoGeneratePassword": false, "resetPasswordOnFirstLogin": false,
                         "departmentIdType": "department_id", "passwordEncryptType": "none", "dryRun": false,
                         "sendNotification": {"sendEmailNotification": false, "sendPhoneNotification": false, "appId": null}}}
            """));

        Assert.True((int)envelope["statusCode"]! == 200, envelope.ToJsonString());
    }

    [Fact]
    public async Task WithUnknownFieldsIgnored_UnknownKeysAreSkipped_AndAliasesStillRead()
    {
        await using var ignoring = api.WithWebHostBuilder(b => b.UseSetting("Api:UnknownFields", "Ignore"));
        using var client = new SignedClient(ignoring.CreateClient(), UserPoolApiFactory.AccessKeyId, UserPoolApiFactory.AccessKeySecret);

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", JsonNode.Parse("""
            {"list": [{"username": "ada", "external_id": "e-1", "fieldOfANewerApi": {"x": 1},
                       "identities": [{"ext_idp_id": "i", "provider": "github", "type": "t", "user_id_in_idp": "u", "newer": 1}]}],
             "options": {"newerOption": true, "sendNotification": {"newer": 1}}}
            """));

        Assert.True((int)envelope["statusCode"]! == 200, envelope.ToJsonString());
        Assert.Equal("e-1", (string)envelope["data"]![0]!["externalId"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal("u", (await db.Identities.SingleAsync()).UserIdInIdp);
    }

    [Fact]
    public async Task WithUnknownFieldsIgnored_BothSpellingsOfAField_AreStillRefused()
    {
        await using var ignoring = api.WithWebHostBuilder(b => b.UseSetting("Api:UnknownFields", "Ignore"));
        using var client = new SignedClient(ignoring.CreateClient(), UserPoolApiFactory.AccessKeyId, UserPoolApiFactory.AccessKeySecret);

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch",
            JsonNode.Parse("""{"list": [{"username": "ada", "email_verified": true, "emailVerified": false}]}"""));

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal("duplicate_field", (string)envelope["errors"]![0]!["code"]!);
    }
}
