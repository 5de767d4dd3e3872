using System.Text.Json.Nodes;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Reliability.Support;

public enum EndpointKind
{
    /// <summary>Needs no credentials (get-management-token, system, health).</summary>
    Anonymous,

    /// <summary>Reads: never changes the database, whatever it answers.</summary>
    Read,

    /// <summary>Writes: changes the database only when it answers 200.</summary>
    Write,
}

/// <summary>The pool's data every template refers to, created through the API before a run.</summary>
public sealed record SeededData(
    string PoolId,
    string AccessKeyId,
    string AccessKeySecret,
    string OrganizationCode,
    string DepartmentId,
    string TenantId,
    string UserId,
    string PublicAccountId);

/// <summary>
/// One endpoint with a request it accepts as it is (a "template"): the hostile generators mutate these, so a
/// mutation is the only thing wrong with a request. "{u}" and "{u8}" in a template become a fresh token and
/// 8 fresh digits per request, so accepted creates do not collide with each other.
/// </summary>
public sealed record ApiEndpoint(string Name, HttpMethod Method, string Path, EndpointKind Kind)
{
    public Func<SeededData, JsonObject>? Body { get; init; }

    public Func<SeededData, (string Key, string Value)[]>? Query { get; init; }

    /// <summary>Answers with the {statusCode, message, requestId, data} envelope (everything under /api/v3 but /system).</summary>
    public bool AnswersEnvelope => Path.StartsWith("/api/v3/", StringComparison.Ordinal) && Path != "/api/v3/system";

    public bool NeedsCredentials => Kind != EndpointKind.Anonymous;

    public override string ToString() => $"{Method} {Path}";
}

public static class ApiCatalog
{
    /// <summary>Every route the server maps (grep MapPost/MapGet in src/UserPool.Api), with a request each accepts.</summary>
    public static readonly ApiEndpoint[] Endpoints =
    [
        new("get-management-token", HttpMethod.Post, "/api/v3/get-management-token", EndpointKind.Anonymous)
        {
            Body = s => new JsonObject { ["accessKeyId"] = s.AccessKeyId, ["accessKeySecret"] = s.AccessKeySecret },
        },
        new("system", HttpMethod.Get, "/api/v3/system", EndpointKind.Anonymous) { Query = _ => [] },
        new("health-notifications", HttpMethod.Get, "/health/notifications", EndpointKind.Anonymous) { Query = _ => [] },
        new("create-users-batch", HttpMethod.Post, "/api/v3/create-users-batch", EndpointKind.Write)
        {
            Body = s => new JsonObject { ["list"] = new JsonArray(User(s)), ["options"] = CreateOptions() },
        },
        new("create-user", HttpMethod.Post, "/api/v3/create-user", EndpointKind.Write)
        {
            Body = s => With(User(s), "options", CreateOptions()),
        },
        new("create-public-accounts-batch", HttpMethod.Post, "/api/v3/create-public-accounts-batch", EndpointKind.Write)
        {
            Body = s => new JsonObject { ["list"] = new JsonArray(PublicAccount(s)), ["options"] = CreateOptions() },
        },
        new("create-public-account", HttpMethod.Post, "/api/v3/create-public-account", EndpointKind.Write)
        {
            Body = s => With(PublicAccount(s), "options", CreateOptions()),
        },
        new("update-user", HttpMethod.Post, "/api/v3/update-user", EndpointKind.Write)
        {
            Body = s => new JsonObject
            {
                ["userId"] = s.UserId, ["name"] = "n{u}", ["email"] = "up{u}@example.com", ["status"] = "Activated",
                ["options"] = new JsonObject { ["userIdType"] = "user_id", ["resetPasswordOnNextLogin"] = false },
            },
        },
        new("update-user-batch", HttpMethod.Post, "/api/v3/update-user-batch", EndpointKind.Write)
        {
            Body = s => new JsonObject
            {
                ["list"] = new JsonArray(new JsonObject { ["userId"] = s.UserId, ["nickname"] = "k{u}", ["username"] = "upb{u}" }),
                ["options"] = new JsonObject { ["passwordEncryptType"] = "none" },
            },
        },
        new("update-public-account", HttpMethod.Post, "/api/v3/update-public-account", EndpointKind.Write)
        {
            Body = s => new JsonObject { ["userId"] = s.PublicAccountId, ["name"] = "p{u}", ["externalId"] = "upx{u}" },
        },
        new("update-public-account-batch", HttpMethod.Post, "/api/v3/update-public-account-batch", EndpointKind.Write)
        {
            Body = s => new JsonObject { ["list"] = new JsonArray(new JsonObject { ["userId"] = s.PublicAccountId, ["city"] = "c{u}" }) },
        },
        new("get-user", HttpMethod.Get, "/api/v3/get-user", EndpointKind.Read)
        {
            Query = s =>
            [
                ("userId", s.UserId), ("userIdType", "user_id"), ("flatCustomData", "false"), ("withCustomData", "true"),
                ("withPost", "false"), ("withIdentities", "true"), ("withDepartmentIds", "true"),
            ],
        },
        new("list-users", HttpMethod.Post, "/api/v3/list-users", EndpointKind.Read) { Body = _ => ListRequest(forUsers: true) },
        new("list-users-legacy", HttpMethod.Get, "/api/v3/list-users", EndpointKind.Read)
        {
            Query = _ =>
            [
                ("page", "1"), ("limit", "10"), ("status", "Activated"), ("updatedAtStart", "0"), ("updatedAtEnd", "4102444800"),
                ("withCustomData", "true"), ("withPost", "false"), ("withIdentities", "true"), ("withDepartmentIds", "true"),
            ],
        },
        new("get-public-account", HttpMethod.Get, "/api/v3/get-public-account", EndpointKind.Read)
        {
            Query = s => [("userId", s.PublicAccountId), ("userIdType", "user_id"), ("withCustomData", "true"), ("withDepartmentIds", "true")],
        },
        new("get-public-account-batch", HttpMethod.Get, "/api/v3/get-public-account-batch", EndpointKind.Read)
        {
            Query = s =>
            [
                ("userIds[]", s.PublicAccountId), ("userIds[]", "nobody"), ("userIdType", "user_id"),
                ("withCustomData", "true"), ("withDepartmentIds", "false"),
            ],
        },
        new("get-user-batch", HttpMethod.Get, "/api/v3/get-user-batch", EndpointKind.Read)
        {
            Query = s =>
            [
                ("userIds[]", s.UserId), ("userIds[]", "nobody"), ("userIdType", "user_id"), ("withCustomData", "true"),
                ("flatCustomData", "false"), ("withIdentities", "true"), ("withDepartmentIds", "true"),
            ],
        },
        new("is-user-exists", HttpMethod.Post, "/api/v3/is-user-exists", EndpointKind.Read)
        {
            Body = _ => new JsonObject
            {
                ["username"] = "user_{u}", ["email"] = "user.{u}@example.com", ["phone"] = "139{u8}", ["externalId"] = "ext-{u}",
                ["phoneCountryCode"] = "+86",
            },
        },
        // A dry run, so the template is accepted every time and leaves the seeded accounts; a mutation that drops dryRun
        // deletes them for real, which a 200 from a write may do.
        new("delete-users-batch", HttpMethod.Post, "/api/v3/delete-users-batch", EndpointKind.Write)
        {
            Body = s => new JsonObject
            {
                ["userIds"] = new JsonArray(s.UserId), ["options"] = new JsonObject { ["userIdType"] = "user_id", ["dryRun"] = true },
            },
        },
        new("delete-public-accounts-batch", HttpMethod.Post, "/api/v3/delete-public-accounts-batch", EndpointKind.Write)
        {
            Body = s => new JsonObject
            {
                ["userIds"] = new JsonArray(s.PublicAccountId), ["options"] = new JsonObject { ["userIdType"] = "user_id", ["dryRun"] = true },
            },
        },
        new("list-public-accounts", HttpMethod.Post, "/api/v3/list-public-accounts", EndpointKind.Read) { Body = _ => ListRequest(forUsers: false) },
        new("set-custom-fields", HttpMethod.Post, "/api/v3/set-custom-fields", EndpointKind.Write)
        {
            Body = _ => new JsonObject
            {
                ["list"] = new JsonArray(new JsonObject
                {
                    ["targetType"] = "USER",
                    ["key"] = "field_{u}",
                    ["dataType"] = "ENUM",
                    ["label"] = "Field",
                    ["description"] = "A field",
                    ["encrypted"] = false,
                    ["isUnique"] = false,
                    ["userEditable"] = true,
                    ["visibleInAdminConsole"] = true,
                    ["visibleInUserCenter"] = true,
                    ["validateRules"] = new JsonArray(),
                    ["appIds"] = new JsonArray("app1"),
                    ["desensitization"] = false,
                    ["options"] = new JsonArray(new JsonObject { ["value"] = "a", ["label"] = "A" }),
                    ["i18n"] = new JsonObject { ["label"] = new JsonObject { ["en-US"] = new JsonObject { ["enabled"] = true, ["value"] = "Field" } } },
                }),
            },
        },
        new("get-custom-fields", HttpMethod.Get, "/api/v3/get-custom-fields", EndpointKind.Read) { Query = _ => [("targetType", "USER")] },
        new("create-tenant", HttpMethod.Post, "/api/v3/create-tenant", EndpointKind.Write)
        {
            Body = _ => new JsonObject
            {
                ["name"] = "Tenant {u}",
                ["appIds"] = new JsonArray("app1"),
                ["logo"] = new JsonArray("https://example.com/logo.png"),
                ["description"] = "A tenant",
                ["rejectHint"] = "No entry",
                ["sourceAppId"] = "app1",
                ["enterpriseDomains"] = new JsonArray("example.com"),
                ["expireTime"] = "2030-01-01",
                ["mauAmount"] = 100,
                ["memberAmount"] = 10,
                ["adminAmount"] = 1,
            },
        },
        new("create-organization", HttpMethod.Post, "/api/v3/create-organization", EndpointKind.Write)
        {
            Body = s => new JsonObject
            {
                ["organizationName"] = "Organization {u}",
                ["organizationCode"] = "org{u}",
                ["description"] = "An organization",
                ["openDepartmentId"] = "open{u}",
                ["i18n"] = new JsonObject { ["organizationName"] = new JsonObject { ["en-US"] = new JsonObject { ["enabled"] = true, ["value"] = "Org" } } },
                ["tenantId"] = s.TenantId,
                ["postIdList"] = new JsonArray(),
                ["metadata"] = new JsonObject(),
            },
        },
        new("create-department", HttpMethod.Post, "/api/v3/create-department", EndpointKind.Write)
        {
            Body = s => new JsonObject
            {
                ["organizationCode"] = s.OrganizationCode,
                ["name"] = "Department {u}",
                ["parentDepartmentId"] = s.DepartmentId,
                ["departmentIdType"] = "department_id",
                ["openDepartmentId"] = "dopen{u}",
                ["description"] = "A department",
                ["code"] = "dept{u}",
                ["isVirtualNode"] = false,
                ["i18n"] = new JsonObject(),
                ["customData"] = new JsonObject(),
                ["postIdList"] = new JsonArray(),
                ["tenantId"] = s.TenantId,
                ["metadata"] = new JsonObject(),
            },
        },
    ];

    public static ApiEndpoint Endpoint(string name) => Endpoints.Single(e => e.Name == name);

    /// <summary>The pool's organization, department, tenant, custom fields, one user and one public account.</summary>
    public static async Task<SeededData> SeedAsync(SignedClient client, string poolId, string accessKeyId, string secret)
    {
        async Task<JsonNode> Data(string path, object body)
        {
            var envelope = await client.PostEnvelopeAsync(path, body);
            Assert.True((int)envelope["statusCode"]! == 200, $"{path}: {envelope.ToJsonString()}");
            return envelope["data"]!;
        }

        var tag = Guid.NewGuid().ToString("N")[..8];
        await Data("/api/v3/set-custom-fields", new
        {
            list = new object[]
            {
                new { targetType = "USER", key = "school", dataType = "STRING", label = "School" },
                new { targetType = "USER", key = "age", dataType = "NUMBER", label = "Age" },
            },
        });
        var tenantId = (string)(await Data("/api/v3/create-tenant", new { name = "Seed tenant" }))["tenantId"]!;
        var organizationCode = "seedorg" + tag;
        var root = (string)(await Data("/api/v3/create-organization", new { organizationName = "Seed", organizationCode }))["departmentId"]!;
        var departmentId = (string)(await Data("/api/v3/create-department",
            new { organizationCode, name = "Seed department", parentDepartmentId = root, code = "seeddept" + tag }))["departmentId"]!;
        var seeded = new SeededData(poolId, accessKeyId, secret, organizationCode, departmentId, tenantId, "", "");
        var user = JsonNode.Parse(Fill(User(seeded).ToJsonString(), "seed" + tag, 99_999_998))!;
        var userId = (string)(await Data("/api/v3/create-users-batch", new { list = new[] { user } }))[0]!["userId"]!;
        var publicAccount = JsonNode.Parse(Fill(PublicAccount(seeded).ToJsonString(), "seed" + tag, 99_999_999))!;
        var publicAccountId = (string)(await Data("/api/v3/create-public-accounts-batch", new { list = new[] { publicAccount } }))[0]!["userId"]!;
        return seeded with { UserId = userId, PublicAccountId = publicAccountId };
    }

    /// <summary>Replaces the template placeholders: "{u}" with <paramref name="tag"/> and the number, "{u8}" with the number's last 8 digits.</summary>
    public static string Fill(string text, string tag, long number) => text
        .Replace("{u8}", (number % 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{u}", tag + number.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static JsonObject With(JsonObject item, string key, JsonNode value)
    {
        item[key] = value;
        return item;
    }

    private static JsonObject CreateOptions() => new()
    {
        ["keepPassword"] = false,
        ["autoGeneratePassword"] = false,
        ["resetPasswordOnFirstLogin"] = false,
        ["departmentIdType"] = "department_id",
        ["passwordEncryptType"] = "none",
        ["sendNotification"] = new JsonObject { ["sendEmailNotification"] = false, ["sendPhoneNotification"] = false, ["appId"] = "app1" },
    };

    private static JsonObject PublicAccount(SeededData s) => new()
    {
        ["status"] = "Activated",
        ["email"] = "pa.{u}@example.com",
        ["phone"] = "137{u8}",
        ["phoneCountryCode"] = "+86",
        ["username"] = "pa_{u}",
        ["externalId"] = "paext-{u}",
        ["name"] = "Public {u}",
        ["nickname"] = "Shared",
        ["photo"] = "https://example.com/p.png",
        ["gender"] = "U",
        ["emailVerified"] = true,
        ["phoneVerified"] = false,
        ["birthdate"] = "1990-01-02",
        ["country"] = "CN",
        ["city"] = "Beijing",
        ["address"] = "1 Road",
        ["postalCode"] = "100000",
        ["company"] = "ACME",
        ["website"] = "https://example.com",
        ["locale"] = "zh-CN",
        ["identityNumber"] = "110101199003077777",
        ["password"] = "passw0rd!{u}",
        ["otp"] = new JsonObject { ["secret"] = "JBSWY3DPEHPK3PXP", ["recoveryCode"] = "recovery-{u}" },
        ["departmentIds"] = new JsonArray(s.DepartmentId),
        ["customData"] = new JsonObject { ["school"] = "MIT", ["age"] = 30 },
    };

    private static JsonObject User(SeededData s)
    {
        var user = PublicAccount(s);
        user["email"] = "user.{u}@example.com";
        user["phone"] = "139{u8}";
        user["username"] = "user_{u}";
        user["externalId"] = "ext-{u}";
        user["name"] = "User {u}";
        user["tenantIds"] = new JsonArray(s.TenantId);
        user["metadataSource"] = new JsonObject { ["source"] = "import" };
        user["identities"] = new JsonArray(new JsonObject
        {
            ["extIdpId"] = "idp1",
            ["provider"] = "github",
            ["type"] = "generic",
            ["userIdInIdp"] = "gh-{u}",
            ["userInfoInIdp"] = new JsonObject { ["login"] = "gh" },
            ["accessToken"] = "provider-access-{u}",
            ["refreshToken"] = "provider-refresh-{u}",
            ["originConnIds"] = new JsonArray("conn1"),
        });
        return user;
    }

    private static JsonObject ListRequest(bool forUsers)
    {
        var options = new JsonObject
        {
            ["pagination"] = new JsonObject { ["page"] = 1, ["limit"] = 10 },
            ["sort"] = new JsonArray(new JsonObject { ["field"] = "createdAt", ["order"] = "desc" }),
            ["fuzzySearchOn"] = new JsonArray("name", "email"),
            ["withCustomData"] = true,
            ["withDepartmentIds"] = true,
        };
        if (forUsers)
        {
            options["withIdentities"] = true;
            options["withPost"] = false;
            options["flatCustomData"] = false;
        }

        return new JsonObject
        {
            ["keywords"] = "e",
            ["advancedFilter"] = new JsonArray(
                new JsonObject { ["field"] = "loginsCount", ["operator"] = "GREATER", ["value"] = -1 },
                new JsonObject { ["field"] = "email", ["operator"] = "CONTAINS", ["value"] = "example" }),
            ["options"] = options,
        };
    }
}
