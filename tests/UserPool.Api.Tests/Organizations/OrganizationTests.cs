using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Organizations;

[Collection(ApiCollection.Name)]
public sealed class OrganizationTests(UserPoolApiFactory api) : IAsyncLifetime
{
    private const string Path = "/api/v3/create-organization";
    private const string Name = "组织节点名称";

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreateOrganization_WithCodeAndName_AnswersTheOrganizationWithItsRootDepartment()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync(Path, new { organizationCode = "sales-emea", organizationName = Name });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.Equal("", (string)envelope["message"]!);
        var data = envelope["data"]!.AsObject();
        Assert.Equal("sales-emea", (string)data["organizationCode"]!);
        Assert.Equal(Name, (string)data["organizationName"]!);
        var departmentId = (string)data["departmentId"]!;
        Assert.Matches("^[0-9a-f]{24}$", departmentId);
        Assert.False((bool)data["hasChildren"]!);
        Assert.Equal(0, (int)data["membersCount"]!);
        Assert.False((bool)data["isVirtualNode"]!);
        Assert.Empty(data["leaderUserIds"]!.AsArray());
        Assert.Null(data["description"]);
        Assert.Null(data["openDepartmentId"]);
        Assert.Equal((string)data["createdAt"]!, (string)data["updatedAt"]!);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", (string)data["createdAt"]!);
    }

    [Fact]
    public async Task CreateOrganization_StoresTheOrganizationAndARootDepartmentSharingItsId()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync(Path, new
        {
            organizationCode = "acme",
            organizationName = Name,
            description = "总部",
            openDepartmentId = "wecom-1",
            i18n = new { organizationName = new { enUS = new { enabled = true, value = "Acme" } } },
            metadata = new { any = "thing" },
        });

        var data = envelope["data"]!.AsObject();
        var id = (string)data["departmentId"]!;
        Assert.Equal("总部", (string)data["description"]!);
        Assert.Equal("wecom-1", (string)data["openDepartmentId"]!);
        Assert.Equal("Acme", (string)data["i18n"]!["organizationName"]!["enUS"]!["value"]!);
        await using var db = api.CreateDbContext();
        var organization = await db.Organizations.SingleAsync();
        Assert.Equal((api.PoolId, id, "acme", Name, "总部", "wecom-1"),
            (organization.UserPoolId, organization.Id, organization.Code, organization.Name, organization.Description, organization.OpenDepartmentId));
        Assert.Equal(DateTimeOffset.Parse((string)data["createdAt"]!).UtcDateTime, organization.CreatedAt);
        var root = await db.Departments.SingleAsync();
        Assert.Equal((id, id, null, "acme", "wecom-1", Name, false),
            (root.Id, root.OrganizationId, root.ParentDepartmentId, root.Code, root.OpenDepartmentId, root.Name, root.IsVirtualNode));
        Assert.Equal("Acme", (string)JsonNode.Parse(root.I18n!)!["name"]!["enUS"]!["value"]!);
        Assert.Equal("Acme", (string)JsonNode.Parse(organization.I18n!)!["organizationName"]!["enUS"]!["value"]!);
    }

    [Fact]
    public async Task CreateOrganization_WithAnEmptyCode_SucceedsWithAGeneratedCode()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync(Path, new { organizationCode = "", organizationName = Name });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.Equal("", (string)envelope["message"]!);
        var code = (string)envelope["data"]!["organizationCode"]!;
        Assert.Equal((string)envelope["data"]!["departmentId"]!, code);
        await using var db = api.CreateDbContext();
        Assert.Equal(code, (await db.Organizations.SingleAsync()).Code);
    }

    [Fact]
    public async Task CreateOrganization_TwiceWithEmptyCodes_GivesEachItsOwnCode()
    {
        using var client = api.CreateSignedClient();

        var first = await client.PostEnvelopeAsync(Path, new { organizationCode = "", organizationName = Name });
        var second = await client.PostEnvelopeAsync(Path, new { organizationCode = "", organizationName = Name });

        Assert.Equal(200, (int)second["statusCode"]!);
        Assert.NotEqual((string)first["data"]!["organizationCode"]!, (string)second["data"]!["organizationCode"]!);
    }

    [Theory]
    [InlineData("额！ ")]
    [InlineData(" ")]
    [InlineData("a b")]
    [InlineData("tab\tcode")]
    [InlineData("nul\0code")]
    public async Task CreateOrganization_WithCharactersACodeCannotHave_Is400InvalidOrganizationCodeWithColon(string code)
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync(Path, new { organizationCode = code, organizationName = Name });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal($"invalid organization code: {code}", (string)envelope["message"]!);
        Assert.Equal("organizationCode", (string)envelope["errors"]![0]!["field"]!);
    }

    [Theory]
    [InlineData(65)]
    [InlineData(100)]
    public async Task CreateOrganization_WithACodeOver64Characters_Is400FormatError(int length)
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync(Path, new { organizationCode = new string('7', length), organizationName = Name });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal("参数 organizationCode 格式错误", (string)envelope["message"]!);
    }

    [Fact]
    public async Task CreateOrganization_WithACodeOfExactly64Characters_Succeeds()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync(Path, new { organizationCode = new string('7', 64), organizationName = Name });

        Assert.Equal(200, (int)envelope["statusCode"]!);
    }

    [Fact]
    public async Task CreateOrganization_WithoutACode_Is400FormatError()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync(Path, new { organizationName = Name });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal("参数 organizationCode 格式错误", (string)envelope["message"]!);
    }

    [Theory]
    [InlineData("""{"organizationCode":"x"}""", "参数 organizationName 格式错误")]
    [InlineData("""{"organizationCode":"x","organizationName":"  "}""", "参数 organizationName 格式错误")]
    [InlineData("""{"organizationCode":"x","organizationName":"a\nb"}""", "参数 organizationName 含有不能保存的字符")]
    [InlineData("""{"organizationCode":"x","organizationName":"n","description":"a\u0000b"}""", "参数 description 含有不能保存的字符")]
    [InlineData("""{"organizationCode":"x","organizationName":"n","openDepartmentId":" w1"}""", "参数 openDepartmentId 格式错误")]
    [InlineData("""{"organizationCode":"x","organizationName":"n","i18n":"zh"}""", "参数 i18n 格式错误")]
    [InlineData("""{"organizationCode":"x","organizationName":"n","metadata":[1]}""", "参数 metadata 格式错误")]
    [InlineData("""{"organizationCode":"x","organizationName":"n","postIdList":["p1"]}""", "暂不支持参数 postIdList")]
    public async Task CreateOrganization_WithAnInvalidField_Is400NamingIt(string body, string message)
    {
        using var client = api.CreateSignedClient();

        var envelope = await Envelopes.ReadAsync(await client.PostRawAsync(Path, body));

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal(message, (string)envelope["message"]!);
        await using var db = api.CreateDbContext();
        Assert.False(await db.Organizations.AnyAsync());
    }

    [Fact]
    public async Task CreateOrganization_WithATooLongName_Is400InTheRequestLanguage()
    {
        using var client = api.CreateSignedClient();
        client.Lang = "en-US";

        var envelope = await client.PostEnvelopeAsync(Path, new { organizationCode = "x", organizationName = new string('n', 257) });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal("Parameter organizationName must be at most 256 characters long", (string)envelope["message"]!);
    }

    [Fact]
    public async Task CreateOrganization_WithACodeTheOrganizationHasAlready_Is409AndStoresNothing()
    {
        using var client = api.CreateSignedClient();
        await client.PostEnvelopeAsync(Path, new { organizationCode = "acme", organizationName = Name });

        var envelope = await client.PostEnvelopeAsync(Path, new { organizationCode = "acme", organizationName = "другое" });

        Assert.Equal(409, (int)envelope["statusCode"]!);
        Assert.Equal("组织 code acme 已存在", (string)envelope["message"]!);
        Assert.Null(envelope["apiCode"]);
        Assert.Equal("organizationCode", (string)envelope["errors"]![0]!["field"]!);
        Assert.Equal("already_exists", (string)envelope["errors"]![0]!["code"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal(1, await db.Organizations.CountAsync());
        Assert.Equal(1, await db.Departments.CountAsync());
    }

    [Fact]
    public async Task CreateOrganization_WithTheCodeOfADepartment_Is409()
    {
        using var client = api.CreateSignedClient();
        await client.PostEnvelopeAsync(Path, new { organizationCode = "acme", organizationName = Name });
        await client.PostEnvelopeAsync("/api/v3/create-department",
            new { organizationCode = "acme", parentDepartmentId = "root", name = "研发", code = "rnd" });

        var envelope = await client.PostEnvelopeAsync(Path, new { organizationCode = "rnd", organizationName = Name });

        Assert.Equal(409, (int)envelope["statusCode"]!);
        Assert.Equal("code rnd 已被部门使用", (string)envelope["message"]!);
    }

    [Fact]
    public async Task CreateOrganization_WithAnOpenDepartmentIdInUse_Is409NamingOpenDepartmentId()
    {
        using var client = api.CreateSignedClient();
        await client.PostEnvelopeAsync(Path, new { organizationCode = "acme", organizationName = Name, openDepartmentId = "ext-1" });

        var envelope = await client.PostEnvelopeAsync(Path, new { organizationCode = "other", organizationName = Name, openDepartmentId = "ext-1" });

        Assert.Equal(409, (int)envelope["statusCode"]!);
        Assert.Equal("openDepartmentId", (string)envelope["errors"]![0]!["field"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal(1, await db.Organizations.CountAsync());
    }

    [Fact]
    public async Task CreateOrganization_ConcurrentlyWithOneCode_CreatesOneAndAnswersTheRest409()
    {
        using var client = api.CreateSignedClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            client.PostEnvelopeAsync(Path, new { organizationCode = "race", organizationName = Name })));

        Assert.Equal(1, answers.Count(a => (int)a["statusCode"]! == 200));
        Assert.All(answers.Where(a => (int)a["statusCode"]! != 200), a => Assert.Equal(409, (int)a["statusCode"]!));
        await using var db = api.CreateDbContext();
        Assert.Equal(1, await db.Organizations.CountAsync());
    }

    [Fact]
    public async Task CreateOrganization_WithACodeUsedInAnotherPool_Succeeds()
    {
        using var client = api.CreateSignedClient();
        await client.PostEnvelopeAsync(Path, new { organizationCode = "acme", organizationName = Name });
        using var other = await api.CreateOtherPoolClientAsync();

        var envelope = await other.Client.PostEnvelopeAsync(Path, new { organizationCode = "acme", organizationName = Name });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal(1, await db.Organizations.CountAsync(o => o.UserPoolId == other.Id && o.Code == "acme"));
        Assert.Equal(1, await db.Organizations.CountAsync(o => o.UserPoolId == api.PoolId && o.Code == "acme"));
    }

    [Fact]
    public async Task CreateOrganization_InATenantOfThePool_StoresTheTenantId()
    {
        using var client = api.CreateSignedClient();
        var tenantId = (string)(await client.PostEnvelopeAsync("/api/v3/create-tenant", new { name = "t" }))["data"]!["tenantId"]!;

        var envelope = await client.PostEnvelopeAsync(Path, new { organizationCode = "acme", organizationName = Name, tenantId });

        Assert.Equal(tenantId, (string)envelope["data"]!["tenantId"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal(tenantId, (await db.Organizations.SingleAsync()).TenantId);
        Assert.Equal(tenantId, (await db.Departments.SingleAsync()).TenantId);
    }

    [Fact]
    public async Task CreateOrganization_InATenantOfAnotherPool_Is404()
    {
        using var client = api.CreateSignedClient();
        var tenantId = (string)(await client.PostEnvelopeAsync("/api/v3/create-tenant", new { name = "t" }))["data"]!["tenantId"]!;
        using var other = await api.CreateOtherPoolClientAsync();

        var envelope = await other.Client.PostEnvelopeAsync(Path, new { organizationCode = "acme", organizationName = Name, tenantId });

        Assert.Equal(404, (int)envelope["statusCode"]!);
        Assert.Equal($"租户 {tenantId} 不存在", (string)envelope["message"]!);
    }
}
