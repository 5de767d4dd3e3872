using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Accounts;

[Collection(AccountsCollection.Name)]
public sealed class CreateUsersReferenceTests(UserPoolApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("department_id")]
    [InlineData("open_department_id")]
    [InlineData("code")]
    public async Task DepartmentIds_AreResolvedByTheirIdType_AndLinked(string idType)
    {
        using var client = api.CreateSignedClient();
        var departments = await Seed.DepartmentsAsync(api, 2);
        var references = departments.Select(d => idType switch { "department_id" => d.Id, "open_department_id" => d.OpenDepartmentId!, _ => d.Code! }).ToArray();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch",
            new { list = new[] { new { username = "member", departmentIds = references } }, options = new { departmentIdType = idType } });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.Equal(departments.Select(d => d.Id), envelope["data"]![0]!["departmentIds"]!.AsArray().Select(n => (string)n!));
        await using var db = api.CreateDbContext();
        Assert.Equal(2, await db.AccountDepartments.CountAsync());
    }

    [Theory]
    [InlineData("sync_relation")]
    [InlineData("custom_field")]
    public async Task DepartmentIdTypes_WithoutSupport_AnswerAClearError(string idType)
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch",
            new { list = new[] { new { username = "member", departmentIds = new[] { "x" } } }, options = new { departmentIdType = idType } });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal("not_supported", (string)envelope["errors"]![0]!["code"]!);
    }

    [Fact]
    public async Task UnknownDepartmentOrTenant_FailsTheItemNamingTheReference()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch",
            new { list = new[] { new { username = "member", departmentIds = new[] { "nope" }, tenantIds = new[] { "missing" } } } });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        var fields = envelope["errors"]!.AsArray().Select(e => (string)e!["field"]!).ToArray();
        Assert.Equal(["list[0].departmentIds[0]", "list[0].tenantIds[0]"], fields);
    }

    [Fact]
    public async Task AnotherPoolsDepartment_IsNotFound()
    {
        using var client = api.CreateSignedClient();
        var departments = await Seed.DepartmentsAsync(api, 1);
        var other = (await api.CreateOtherPoolClientAsync()).Client;

        var envelope = await other.PostEnvelopeAsync("/api/v3/create-users-batch",
            new { list = new[] { new { username = "member", departmentIds = new[] { departments[0].Id } } } });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal("not_found", (string)envelope["errors"]![0]!["code"]!);
    }

    [Fact]
    public async Task Tenants_AreLinked()
    {
        using var client = api.CreateSignedClient();
        var tenant = await Seed.TenantAsync(api);

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch",
            new { list = new[] { new { username = "member", tenantIds = new[] { tenant.Id } } } });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal(tenant.Id, (await db.AccountTenants.SingleAsync()).TenantId);
    }

    [Fact]
    public async Task CustomData_KeepsItsJsonTypes_AndAcceptsAnEnumLabelOrValue()
    {
        using var client = api.CreateSignedClient();
        await Seed.CustomFieldsAsync(client,
            new { targetType = "USER", key = "intro", dataType = "STRING" },
            new { targetType = "USER", key = "school", dataType = "ENUM", options = new[] { new { label = "北京大学", value = "pku" }, new { label = "mit", value = "麻省理工" } } },
            new { targetType = "USER", key = "age", dataType = "NUMBER" },
            new { targetType = "USER", key = "graduted", dataType = "BOOLEAN" },
            new { targetType = "USER", key = "graduted_at", dataType = "DATETIME" },
            new { targetType = "USER", key = "note" });
        var customData = new { intro = "自我介绍", school = "mit", age = 30, graduted = true, graduted_at = "2024-01-01T00:00:00.000Z", note = "free" };

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new
        {
            list = new object[] { new { username = "a", customData }, new { username = "b", customData = new { school = "pku" } } },
        });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(customData)), envelope["data"]![0]!["customData"]));
        await using var db = api.CreateDbContext();
        var stored = await db.Accounts.Where(a => a.Username == "a").Select(a => a.CustomData).SingleAsync();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(customData)), JsonNode.Parse(stored!)));
    }

    [Fact]
    public async Task CustomData_WithAnUndefinedKeyOrAWrongType_FailsNamingTheKey()
    {
        using var client = api.CreateSignedClient();
        await Seed.CustomFieldsAsync(client,
            new { targetType = "USER", key = "age", dataType = "NUMBER" },
            new { targetType = "USER", key = "school", dataType = "ENUM", options = new[] { new { label = "北京大学", value = "pku" } } },
            new { targetType = "ROLE", key = "roleOnly", dataType = "STRING" });

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new
        {
            list = new object[] { new { username = "a", customData = new { age = "thirty", school = "harvard", roleOnly = "x", unknown = 1 } } },
        });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        var errors = envelope["errors"]!.AsArray().ToDictionary(e => (string)e!["field"]!, e => (string)e!["code"]!);
        Assert.Equal("custom_field_type", errors["list[0].customData.age"]);
        Assert.Equal("custom_field_type", errors["list[0].customData.school"]);
        Assert.Equal("undefined_custom_field", errors["list[0].customData.roleOnly"]);
        Assert.Equal("undefined_custom_field", errors["list[0].customData.unknown"]);
    }

    [Fact]
    public async Task Identities_AreStoredAndAnsweredWithoutProviderTokens()
    {
        using var client = api.CreateSignedClient();
        var identity = new { extIdpId = "6076bacxxxxxxxxd80d993b5", provider = "wechat", type = "openid", userIdInIdp = "oj7Nq05R-RRaqak0_YlMLnnIwsvg", accessToken = "provider-access-token", userInfoInIdp = new { nickname = "n" } };

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new { list = new[] { new { username = "i", identities = new[] { identity } } } });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        var answered = envelope["data"]![0]!["identities"]![0]!;
        Assert.Equal("wechat", (string)answered["provider"]!);
        Assert.Equal("n", (string)answered["userInfoInIdp"]!["nickname"]!);
        Assert.DoesNotContain("provider-access-token", envelope.ToJsonString());
        await using var db = api.CreateDbContext();
        var stored = await db.Identities.SingleAsync();
        Assert.NotEqual("provider-access-token", stored.ProtectedAccessToken);
    }

    [Fact]
    public async Task GoStyleEmptyStructsAndNullIdentityExtras_AreAccepted_AndGenderWIsStoredAsF()
    {
        using var client = api.CreateSignedClient();
        const string body = """
            {"list":[{"username":"go","gender":"W","otp":{"secret":""},
              "identities":[{"extIdpId":"e","provider":"github","type":"primary","userIdInIdp":"u","userInfoInIdp":null,"originConnIds":null}]}],
             "options":{"sendNotification":{}}}
            """;

        var envelope = await Envelopes.ReadAsync(await client.PostRawAsync("/api/v3/create-users-batch", body));

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.Equal("F", (string)envelope["data"]![0]!["gender"]!);
        await using var db = api.CreateDbContext();
        var account = await db.Accounts.SingleAsync();
        Assert.Null(account.ProtectedOtpSecret);
        Assert.Equal("F", account.Gender);
    }

    [Fact]
    public async Task Defaults_AreFilledAsAuthingDoes()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-user", new { username = "plain" });

        var user = envelope["data"]!;
        Assert.Equal("Activated", (string)user["status"]!);
        Assert.Equal("Active", (string)user["workStatus"]!);
        Assert.Equal("U", (string)user["gender"]!);
        Assert.StartsWith("https://", (string)user["photo"]!);
        Assert.Equal(0, (int)user["loginsCount"]!);
        Assert.Null(user["lastLogin"]);
        Assert.Null(user["lastIp"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", (string)user["createdAt"]!);
        Assert.Equal((string)user["createdAt"]!, (string)user["statusChangedAt"]!);
    }
}
