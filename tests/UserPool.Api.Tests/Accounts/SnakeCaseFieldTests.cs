using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Accounts;

/// <summary>
/// The snake_case spellings of the Authing docs' Python sample (批量创建用户), which the Python SDK sends as given:
/// each is read as its camelCase field, and one field in both spellings is refused.
/// </summary>
[Collection(AccountsCollection.Name)]
public sealed class SnakeCaseFieldTests(UserPoolApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// The seed's sample with its placeholders made real: a real phone, existing departments, a plaintext password
    /// (the sample's ciphertext was made with Authing's key) and tenant_ids ("undefined") left out.
    /// </summary>
    public static JsonObject PythonSample(string firstDepartment, string secondDepartment) => JsonNode.Parse($$"""
        {
          "list": [{
            "status": "Activated",
            "email": "test@example.com",
            "password_encrypt_type": "none",
            "phone": "17612346754",
            "phone_country_code": "+86",
            "username": "bob",
            "name": "张三",
            "nickname": "张三",
            "photo": "https://files.authing.co/authing-console/default-user-avatar.png",
            "gender": "M",
            "email_verified": true,
            "phone_verified": true,
            "birthdate": "2022-07-08",
            "country": "CN",
            "province": "BJ",
            "city": "BJ",
            "address": "北京朝阳",
            "street_address": "北京朝阳区 xxx 街道",
            "postal_code": "438100",
            "external_id": "10010",
            "department_ids": ["{{firstDepartment}}", "{{secondDepartment}}"],
            "custom_data": { "school": "北京大学", "age": 22 },
            "password": "oqw5bhVmlDwF5qqe",
            "reset_password_on_fisrt_login": false,
            "identities": [{
              "ext_idp_id": "6076bacxxxxxxxxd80d993b5",
              "provider": "wechat",
              "type": "openid",
              "user_id_in_idp": "oj7Nq05R-RRaqak0_YlMLnnIwsvg"
            }]
          }],
          "options": {
            "keep_password": false,
            "auto_generate_password": false,
            "reset_password_on_first_login": false,
            "department_id_type": "department_id",
            "send_notification": { "send_email_notification": false, "send_phone_notification": false, "app_id": "appid1" }
          }
        }
        """)!.AsObject();

    [Fact]
    public async Task SeedPythonSample_SentAsJson_CreatesTheUserWithEveryFieldItGives()
    {
        using var client = api.CreateSignedClient();
        await AccountSeed.DefineCustomFieldsAsync(client, ("school", "STRING"), ("age", "NUMBER"));
        var departments = await AccountSeed.CreateDepartmentsAsync(api, "one", "two");

        var created = await client.PostEnvelopeAsync("/api/v3/create-users-batch", PythonSample(departments[0], departments[1]));

        Assert.True((int)created["statusCode"]! == 200, created.ToJsonString());
        var userId = (string)created["data"]![0]!["userId"]!;
        var user = AccountSeed.Data(await client.GetEnvelopeAsync(
            $"/api/v3/get-user?userId={userId}&withCustomData=true&withIdentities=true&withDepartmentIds=true"));
        var expected = new Dictionary<string, JsonNode?>
        {
            ["status"] = "Activated", ["email"] = "test@example.com", ["phone"] = "17612346754", ["phoneCountryCode"] = "+86",
            ["username"] = "bob", ["name"] = "张三", ["nickname"] = "张三",
            ["photo"] = "https://files.authing.co/authing-console/default-user-avatar.png", ["gender"] = "M",
            ["emailVerified"] = true, ["phoneVerified"] = true, ["birthdate"] = "2022-07-08", ["country"] = "CN",
            ["province"] = "BJ", ["city"] = "BJ", ["address"] = "北京朝阳", ["streetAddress"] = "北京朝阳区 xxx 街道",
            ["postalCode"] = "438100", ["externalId"] = "10010", ["resetPasswordOnNextLogin"] = false,
            ["departmentIds"] = new JsonArray(departments[0], departments[1]),
            ["customData"] = new JsonObject { ["school"] = "北京大学", ["age"] = 22 },
        };
        foreach (var (field, value) in expected)
        {
            Assert.True(JsonNode.DeepEquals(value, user[field]), $"{field}: expected {value?.ToJsonString()}, read {user[field]?.ToJsonString()}");
        }

        var identity = user["identities"]!.AsArray().Single()!;
        Assert.Equal("6076bacxxxxxxxxd80d993b5", (string)identity["extIdpId"]!);
        Assert.Equal("wechat", (string)identity["provider"]!);
        Assert.Equal("openid", (string)identity["type"]!);
        Assert.Equal("oj7Nq05R-RRaqak0_YlMLnnIwsvg", (string)identity["userIdInIdp"]!);
        Assert.NotNull(user["passwordLastSetAt"]);
    }

    [Fact]
    public async Task SeedPythonSample_WithTenantIdsUndefined_IsRefusedNamingTenantIds()
    {
        using var client = api.CreateSignedClient();
        var departments = await AccountSeed.CreateDepartmentsAsync(api, "one", "two");
        var body = PythonSample(departments[0], departments[1]);
        body["list"]![0]!["tenant_ids"] = "undefined";

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", body);

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Contains("list[0].tenant_ids", (string)envelope["message"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal(0, await db.Accounts.CountAsync());
    }

    [Fact]
    public async Task OptionsInSnakeCase_ResetPasswordAndDepartmentIdType_AreApplied()
    {
        using var client = api.CreateSignedClient();
        var departments = await Seed.DepartmentsAsync(api, 1);

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", JsonNode.Parse($$$"""
            {"list": [{"username": "ada", "password": "passw0rd", "department_ids": ["{{{departments[0].Code}}}"]}],
             "options": {"reset_password_on_first_login": true, "department_id_type": "code"}}
            """));

        Assert.True((int)envelope["statusCode"]! == 200, envelope.ToJsonString());
        var user = envelope["data"]![0]!;
        Assert.True((bool)user["resetPasswordOnNextLogin"]!);
        Assert.Equal(departments[0].Id, (string)user["departmentIds"]![0]!);
    }

    [Fact]
    public async Task OptionsInSnakeCase_DryRun_WritesNothing()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch",
            JsonNode.Parse("""{"list": [{"username": "ada"}], "options": {"dry_run": true}}"""));

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.Null(envelope["data"]![0]!["userId"]);
        await using var db = api.CreateDbContext();
        Assert.Equal(0, await db.Accounts.CountAsync());
    }

    [Fact]
    public async Task SendNotificationInSnakeCase_QueuesTheMessageForItsApp()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", JsonNode.Parse("""
            {"list": [{"email": "ada@example.com"}],
             "options": {"auto_generate_password": true, "send_notification": {"send_email_notification": true, "app_id": "app-snake"}}}
            """));

        Assert.True((int)envelope["statusCode"]! == 200, envelope.ToJsonString());
        await using var db = api.CreateDbContext();
        var message = await db.NotificationOutbox.SingleAsync();
        Assert.Equal("ada@example.com", message.Recipient);
        Assert.Equal("app-snake", message.AppId);
        Assert.NotNull(await db.Accounts.Select(a => a.PasswordHash).SingleAsync());
    }

    [Fact]
    public async Task IdentityInSnakeCase_IsStoredWithEveryField()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", JsonNode.Parse("""
            {"list": [{"username": "ada", "identities": [{"ext_idp_id": "idp-1", "provider": "github", "type": "primary",
              "user_id_in_idp": "gh-42", "user_info_in_idp": {"login": "ada"}, "origin_conn_ids": ["conn-1"],
              "access_token": "at", "refresh_token": "rt"}]}]}
            """));

        Assert.True((int)envelope["statusCode"]! == 200, envelope.ToJsonString());
        await using var db = api.CreateDbContext();
        var identity = await db.Identities.SingleAsync();
        Assert.Equal(("idp-1", "gh-42"), (identity.ExtIdpId, identity.UserIdInIdp));
        Assert.Equal(["conn-1"], identity.OriginConnIds);
        Assert.Equal("ada", (string)JsonNode.Parse(identity.UserInfoInIdp!)!["login"]!);
        Assert.NotNull(identity.ProtectedAccessToken);
        Assert.NotNull(identity.ProtectedRefreshToken);
    }

    [Fact]
    public async Task PublicAccountFieldsInSnakeCase_AreStored()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-public-account", JsonNode.Parse("""
            {"username": "shared", "given_name": "Ada", "family_name": "Lovelace", "preferred_username": "ada",
             "identity_number": "110101199003070000", "options": {"reset_password_on_first_login": true, "password_encrypt_type": "none"}}
            """));

        Assert.True((int)envelope["statusCode"]! == 200, envelope.ToJsonString());
        var account = envelope["data"]!;
        Assert.Equal(("Ada", "Lovelace", "ada", "110101199003070000"), ((string)account["givenName"]!, (string)account["familyName"]!,
            (string)account["preferredUsername"]!, (string)account["identityNumber"]!));
        Assert.True((bool)account["resetPasswordOnNextLogin"]!);
    }

    [Fact]
    public async Task PasswordEncryptTypeInSnakeCase_IsValidatedUnderItsFieldName()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch",
            JsonNode.Parse("""{"list": [{"username": "ada", "password": "x"}], "options": {"password_encrypt_type": "rot13"}}"""));

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal("options.passwordEncryptType", (string)envelope["errors"]![0]!["field"]!);
    }

    [Theory]
    [InlineData("""{"list": [{"username": "ada", "externalId": "1", "external_id": "2"}]}""", "list[0].external_id", "list[0].externalId and list[0].external_id")]
    [InlineData("""{"list": [{"username": "ada", "external_id": null, "externalId": "1"}]}""", "list[0].externalId", "list[0].externalId and list[0].external_id")]
    [InlineData("""{"list": [{"username": "ada", "identities": [{"extIdpId": "i", "ext_idp_id": "i", "provider": "github", "type": "t", "userIdInIdp": "u"}]}]}""",
        "list[0].identities[0].ext_idp_id", "list[0].identities[0].extIdpId and list[0].identities[0].ext_idp_id")]
    [InlineData("""{"list": [{"username": "ada"}], "options": {"dry_run": false, "dryRun": true}}""", "options.dryRun", "options.dryRun and options.dry_run")]
    [InlineData("""{"list": [{"username": "ada"}], "options": {"sendNotification": {"appId": "a", "app_id": "b"}}}""",
        "options.sendNotification.app_id", "options.sendNotification.appId and options.sendNotification.app_id")]
    public async Task OneFieldInBothSpellings_IsRefusedNamingBoth(string body, string field, string named)
    {
        using var client = api.CreateSignedClient();
        client.Lang = "en-US";

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", JsonNode.Parse(body));

        Assert.Equal(400, (int)envelope["statusCode"]!);
        var error = envelope["errors"]!.AsArray().Single()!;
        Assert.Equal(field, (string)error["field"]!);
        Assert.Equal("duplicate_field", (string)error["code"]!);
        Assert.Equal($"{named} are the same field: send one of them", (string)envelope["message"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal(0, await db.Accounts.CountAsync());
    }
}
