using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Departments;

[Collection(ApiCollection.Name)]
public sealed class DepartmentTests(UserPoolApiFactory api) : IAsyncLifetime
{
    private const string Path = "/api/v3/create-department";
    private const string OrganizationCode = "acme";

    private readonly SignedClient _client = api.CreateSignedClient();
    private string _rootId = "";

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        var organization = await _client.PostEnvelopeAsync("/api/v3/create-organization",
            new { organizationCode = OrganizationCode, organizationName = "Acme", openDepartmentId = "ext-root" });
        _rootId = (string)organization["data"]!["departmentId"]!;
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task CreateDepartment_UnderRoot_AnswersEveryDepartmentField()
    {
        var envelope = await _client.PostEnvelopeAsync(Path, new
        {
            organizationCode = OrganizationCode,
            parentDepartmentId = "root",
            name = "研发部",
            code = "rnd",
            openDepartmentId = "ext-rnd",
            description = "写代码的",
            isVirtualNode = false,
        });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.Equal("", (string)envelope["message"]!);
        var data = envelope["data"]!.AsObject();
        Assert.Equal(OrganizationCode, (string)data["organizationCode"]!);
        Assert.Matches("^[0-9a-f]{24}$", (string)data["departmentId"]!);
        Assert.NotEqual(_rootId, (string)data["departmentId"]!);
        Assert.Equal("研发部", (string)data["name"]!);
        Assert.Equal("rnd", (string)data["code"]!);
        Assert.Equal("ext-rnd", (string)data["openDepartmentId"]!);
        Assert.Equal("写代码的", (string)data["description"]!);
        Assert.Equal(_rootId, (string)data["parentDepartmentId"]!);
        Assert.Equal(OrganizationCode, (string)data["parentDepartmentCode"]!);
        Assert.Equal(0, (int)data["membersCount"]!);
        Assert.False((bool)data["hasChildren"]!);
        Assert.False((bool)data["isVirtualNode"]!);
        Assert.Empty(data["leaderUserIds"]!.AsArray());
        Assert.Empty(data["customData"]!.AsObject());
        Assert.Null(data["i18n"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", (string)data["createdAt"]!);
        Assert.Equal((string)data["createdAt"]!, (string)data["updatedAt"]!);
    }

    [Fact]
    public async Task CreateDepartment_StoresTheDepartmentUnderItsParentInThePool()
    {
        var envelope = await _client.PostEnvelopeAsync(Path, new
        {
            organizationCode = OrganizationCode,
            parentDepartmentId = "root",
            name = "研发部",
            code = "rnd",
            isVirtualNode = true,
            customData = new { floor = 3, remote = true },
            i18n = new { name = new { enUS = new { enabled = true, value = "R&D" } } },
            metadata = new { source = "sdk" },
        });

        var data = envelope["data"]!.AsObject();
        Assert.Equal(3, (int)data["customData"]!["floor"]!);
        Assert.True((bool)data["isVirtualNode"]!);
        await using var db = api.CreateDbContext();
        var id = (string)data["departmentId"]!;
        var department = await db.Departments.SingleAsync(d => d.Id == id);
        Assert.Equal((api.PoolId, _rootId, _rootId, "rnd", null, "研发部", true),
            (department.UserPoolId, department.OrganizationId, department.ParentDepartmentId, department.Code,
                department.OpenDepartmentId, department.Name, department.IsVirtualNode));
        Assert.True((bool)JsonNode.Parse(department.CustomData!)!["remote"]!);
        Assert.Equal("R&D", (string)JsonNode.Parse(department.I18n!)!["name"]!["enUS"]!["value"]!);
        Assert.Equal(DateTimeOffset.Parse((string)data["createdAt"]!).UtcDateTime, department.CreatedAt);
    }

    [Fact]
    public async Task CreateDepartment_WithoutMetadataAsTheSdkTestsSendIt_Succeeds()
    {
        var envelope = await _client.PostEnvelopeAsync(Path,
            new { parentDepartmentId = _rootId, organizationCode = OrganizationCode, name = "n", code = "c1", isVirtualNode = false });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.Equal(_rootId, (string)envelope["data"]!["parentDepartmentId"]!);
    }

    [Fact]
    public async Task CreateDepartment_UnderADepartmentById_HangsBelowIt()
    {
        var parent = await CreateAsync(new { organizationCode = OrganizationCode, parentDepartmentId = "root", name = "p", code = "parent" });

        var envelope = await _client.PostEnvelopeAsync(Path,
            new { organizationCode = OrganizationCode, parentDepartmentId = (string)parent["departmentId"]!, name = "child" });

        Assert.Equal((string)parent["departmentId"]!, (string)envelope["data"]!["parentDepartmentId"]!);
        Assert.Equal("parent", (string)envelope["data"]!["parentDepartmentCode"]!);
        Assert.Null(envelope["data"]!["code"]);
    }

    [Theory]
    [InlineData("open_department_id", "ext-parent")]
    [InlineData("code", "parent")]
    [InlineData("department_id", null)]
    public async Task CreateDepartment_WithADepartmentIdType_ReadsTheParentThatWay(string idType, string? reference)
    {
        var parent = await CreateAsync(new
        {
            organizationCode = OrganizationCode, parentDepartmentId = "root", name = "p", code = "parent", openDepartmentId = "ext-parent",
        });
        var parentId = (string)parent["departmentId"]!;

        var envelope = await _client.PostEnvelopeAsync(Path, new
        {
            organizationCode = OrganizationCode, parentDepartmentId = reference ?? parentId, departmentIdType = idType, name = "child",
        });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.Equal(parentId, (string)envelope["data"]!["parentDepartmentId"]!);
    }

    [Fact]
    public async Task CreateDepartment_WithTheRootsOpenIdAsParent_HangsBelowTheRoot()
    {
        var envelope = await _client.PostEnvelopeAsync(Path,
            new { organizationCode = OrganizationCode, parentDepartmentId = "ext-root", departmentIdType = "open_department_id", name = "n" });

        Assert.Equal(_rootId, (string)envelope["data"]!["parentDepartmentId"]!);
    }

    [Fact]
    public async Task CreateDepartment_WithACodeTypeButTheParentsId_Is404()
    {
        var parent = await CreateAsync(new { organizationCode = OrganizationCode, parentDepartmentId = "root", name = "p", code = "parent" });

        var envelope = await _client.PostEnvelopeAsync(Path, new
        {
            organizationCode = OrganizationCode, parentDepartmentId = (string)parent["departmentId"]!, departmentIdType = "code", name = "n",
        });

        Assert.Equal(404, (int)envelope["statusCode"]!);
    }

    [Theory]
    [InlineData("sync_relation")]
    [InlineData("custom_field")]
    public async Task CreateDepartment_WithAnIdTypeNotKeptHere_Is400NotSupported(string idType)
    {
        var envelope = await _client.PostEnvelopeAsync(Path,
            new { organizationCode = OrganizationCode, parentDepartmentId = "x:1", departmentIdType = idType, name = "n" });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal($"departmentIdType 暂不支持 {idType}", (string)envelope["message"]!);
        Assert.Equal("not_supported", (string)envelope["errors"]![0]!["code"]!);
    }

    [Fact]
    public async Task CreateDepartment_WithAnUnknownIdType_Is400()
    {
        var envelope = await _client.PostEnvelopeAsync(Path,
            new { organizationCode = OrganizationCode, parentDepartmentId = "root", departmentIdType = "name", name = "n" });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal("departmentIdType", (string)envelope["errors"]![0]!["field"]!);
    }

    [Fact]
    public async Task CreateDepartment_InAnUnknownOrganization_Is404WithTheSdkText()
    {
        var envelope = await _client.PostEnvelopeAsync(Path,
            new { organizationCode = "Xy7kQ2mN9pLr4TvB8wZc3HdF6gJs1A", parentDepartmentId = _rootId, name = "n", code = "c" });

        Assert.Equal(404, (int)envelope["statusCode"]!);
        Assert.Equal("organization not found for code: Xy7kQ2mN9pLr4TvB8wZc3HdF6gJs1A", (string)envelope["message"]!);
    }

    [Fact]
    public async Task CreateDepartment_WithAnEmptyOrganizationCode_Is404WithTheSdkText()
    {
        var envelope = await _client.PostEnvelopeAsync(Path, new { organizationCode = "", parentDepartmentId = _rootId, name = "n" });

        Assert.Equal(404, (int)envelope["statusCode"]!);
        Assert.Equal("organization not found for code: ", (string)envelope["message"]!);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("额！ ")]
    public async Task CreateDepartment_WithAnInvalidOrganizationCode_Is400WithoutAColon(string code)
    {
        var envelope = await _client.PostEnvelopeAsync(Path, new { organizationCode = code, parentDepartmentId = _rootId, name = "n" });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal($"invalid organization code {code}", (string)envelope["message"]!);
    }

    [Fact]
    public async Task CreateDepartment_WithABlankOrganizationCode_AnswersTheExactSdkText()
    {
        var envelope = await _client.PostEnvelopeAsync(Path, new { organizationCode = " ", parentDepartmentId = _rootId, name = "n" });

        Assert.Equal("invalid organization code  ", (string)envelope["message"]!);
    }

    [Fact]
    public async Task CreateDepartment_WithAnOrganizationCodeOver64Characters_Is400FormatError()
    {
        var envelope = await _client.PostEnvelopeAsync(Path,
            new { organizationCode = string.Concat(Enumerable.Repeat("1234567891", 10)), parentDepartmentId = _rootId, name = "n" });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal("参数 organizationCode 格式错误", (string)envelope["message"]!);
    }

    [Fact]
    public async Task CreateDepartment_UnderAnUnknownParent_Is404NamingIt()
    {
        var envelope = await _client.PostEnvelopeAsync(Path,
            new { organizationCode = OrganizationCode, parentDepartmentId = "0123456789abcdef01234567", name = "n" });

        Assert.Equal(404, (int)envelope["statusCode"]!);
        Assert.Equal("组织 acme 中不存在父部门 0123456789abcdef01234567", (string)envelope["message"]!);
    }

    [Fact]
    public async Task CreateDepartment_UnderADepartmentOfAnotherOrganization_Is404()
    {
        var other = await _client.PostEnvelopeAsync("/api/v3/create-organization", new { organizationCode = "globex", organizationName = "Globex" });
        var otherRoot = (string)other["data"]!["departmentId"]!;

        var envelope = await _client.PostEnvelopeAsync(Path, new { organizationCode = OrganizationCode, parentDepartmentId = otherRoot, name = "n" });

        Assert.Equal(404, (int)envelope["statusCode"]!);
        Assert.Equal($"组织 acme 中不存在父部门 {otherRoot}", (string)envelope["message"]!);
    }

    [Fact]
    public async Task CreateDepartment_WithACodeInUse_Is409NamingCode()
    {
        await CreateAsync(new { organizationCode = OrganizationCode, parentDepartmentId = "root", name = "a", code = "dup" });

        var envelope = await _client.PostEnvelopeAsync(Path, new { organizationCode = OrganizationCode, parentDepartmentId = "root", name = "b", code = "dup" });

        Assert.Equal(409, (int)envelope["statusCode"]!);
        Assert.Equal("部门 code dup 已存在", (string)envelope["message"]!);
        Assert.Null(envelope["apiCode"]);
        Assert.Equal("code", (string)envelope["errors"]![0]!["field"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal(2, await db.Departments.CountAsync());
    }

    [Fact]
    public async Task CreateDepartment_WithTheCodeOfAnOrganization_Is409()
    {
        var envelope = await _client.PostEnvelopeAsync(Path,
            new { organizationCode = OrganizationCode, parentDepartmentId = "root", name = "b", code = OrganizationCode });

        Assert.Equal(409, (int)envelope["statusCode"]!);
        Assert.Equal("code", (string)envelope["errors"]![0]!["field"]!);
    }

    [Fact]
    public async Task CreateDepartment_WithAnOpenDepartmentIdInUse_Is409NamingOpenDepartmentId()
    {
        var envelope = await _client.PostEnvelopeAsync(Path,
            new { organizationCode = OrganizationCode, parentDepartmentId = "root", name = "b", openDepartmentId = "ext-root" });

        Assert.Equal(409, (int)envelope["statusCode"]!);
        Assert.Equal("openDepartmentId ext-root 已被部门使用", (string)envelope["message"]!);
        Assert.Equal("openDepartmentId", (string)envelope["errors"]![0]!["field"]!);
    }

    [Fact]
    public async Task CreateDepartment_TwiceWithoutCodeOrOpenId_CreatesBoth()
    {
        await CreateAsync(new { organizationCode = OrganizationCode, parentDepartmentId = "root", name = "a", code = "", openDepartmentId = "" });

        var envelope = await _client.PostEnvelopeAsync(Path,
            new { organizationCode = OrganizationCode, parentDepartmentId = "root", name = "a", code = "", openDepartmentId = "" });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal(2, await db.Departments.CountAsync(d => d.Code == null && d.OpenDepartmentId == null));
    }

    [Fact]
    public async Task CreateDepartment_ConcurrentlyWithOneCode_CreatesOneAndAnswersTheRest409()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => _client.PostEnvelopeAsync(Path,
            new { organizationCode = OrganizationCode, parentDepartmentId = "root", name = $"n{i}", code = "race" })));

        Assert.Equal(1, answers.Count(a => (int)a["statusCode"]! == 200));
        Assert.All(answers.Where(a => (int)a["statusCode"]! != 200), a => Assert.Equal(409, (int)a["statusCode"]!));
        await using var db = api.CreateDbContext();
        Assert.Equal(1, await db.Departments.CountAsync(d => d.Code == "race"));
    }

    [Fact]
    public async Task CreateDepartment_FromAnotherPool_CannotSeeTheOrganization()
    {
        using var other = await api.CreateOtherPoolClientAsync();

        var envelope = await other.Client.PostEnvelopeAsync(Path,
            new { organizationCode = OrganizationCode, parentDepartmentId = _rootId, name = "intruder" });

        Assert.Equal(404, (int)envelope["statusCode"]!);
        Assert.Equal($"organization not found for code: {OrganizationCode}", (string)envelope["message"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal(1, await db.Departments.CountAsync());
    }

    [Fact]
    public async Task CreateDepartment_InAnotherPoolsOrganizationWithTheSameCode_StaysInItsOwnPool()
    {
        using var other = await api.CreateOtherPoolClientAsync();
        var otherOrganization = await other.Client.PostEnvelopeAsync("/api/v3/create-organization",
            new { organizationCode = OrganizationCode, organizationName = "Other acme" });

        var envelope = await other.Client.PostEnvelopeAsync(Path,
            new { organizationCode = OrganizationCode, parentDepartmentId = _rootId, name = "n" });
        var underOwnRoot = await other.Client.PostEnvelopeAsync(Path,
            new { organizationCode = OrganizationCode, parentDepartmentId = "root", name = "n", code = "rnd" });

        Assert.Equal(404, (int)envelope["statusCode"]!);
        Assert.Equal((string)otherOrganization["data"]!["departmentId"]!, (string)underOwnRoot["data"]!["parentDepartmentId"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal(other.Id, (await db.Departments.SingleAsync(d => d.Code == "rnd")).UserPoolId);
    }

    [Fact]
    public async Task CreateDepartment_WithATenantOfThePool_StoresIt()
    {
        var tenantId = (string)(await _client.PostEnvelopeAsync("/api/v3/create-tenant", new { name = "t" }))["data"]!["tenantId"]!;

        var envelope = await _client.PostEnvelopeAsync(Path, new { organizationCode = OrganizationCode, parentDepartmentId = "root", name = "n", tenantId });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal(tenantId, (await db.Departments.SingleAsync(d => d.Name == "n")).TenantId);
    }

    [Fact]
    public async Task CreateDepartment_WithAnUnknownTenant_Is404()
    {
        var envelope = await _client.PostEnvelopeAsync(Path,
            new { organizationCode = OrganizationCode, parentDepartmentId = "root", name = "n", tenantId = "0123456789abcdef01234567" });

        Assert.Equal(404, (int)envelope["statusCode"]!);
        Assert.Equal("租户 0123456789abcdef01234567 不存在", (string)envelope["message"]!);
    }

    [Theory]
    [InlineData("""{"organizationCode":"acme","parentDepartmentId":"root"}""", "参数 name 格式错误")]
    [InlineData("""{"organizationCode":"acme","name":"n"}""", "参数 parentDepartmentId 格式错误")]
    [InlineData("""{"parentDepartmentId":"root","name":"n"}""", "参数 organizationCode 格式错误")]
    [InlineData("""{"organizationCode":"acme","parentDepartmentId":"root","name":"a\rb"}""", "参数 name 含有不能保存的字符")]
    [InlineData("""{"organizationCode":"acme","parentDepartmentId":"root","name":"n","code":"a b"}""", "参数 code 格式错误")]
    [InlineData("""{"organizationCode":"acme","parentDepartmentId":"root","name":"n","openDepartmentId":"x\u0000"}""", "参数 openDepartmentId 含有不能保存的字符")]
    [InlineData("""{"organizationCode":"acme","parentDepartmentId":"root","name":"n","description":"\u001b[31m"}""", "参数 description 含有不能保存的字符")]
    [InlineData("""{"organizationCode":"acme","parentDepartmentId":"root","name":"n","customData":[1]}""", "参数 customData 格式错误")]
    [InlineData("""{"organizationCode":"acme","parentDepartmentId":"root","name":"n","i18n":1}""", "参数 i18n 格式错误")]
    [InlineData("""{"organizationCode":"acme","parentDepartmentId":"root","name":"n","metadata":"m"}""", "参数 metadata 格式错误")]
    [InlineData("""{"organizationCode":"acme","parentDepartmentId":"root","name":"n","postIdList":["p"]}""", "暂不支持参数 postIdList")]
    public async Task CreateDepartment_WithAnInvalidField_Is400NamingIt(string body, string message)
    {
        var envelope = await Envelopes.ReadAsync(await _client.PostRawAsync(Path, body));

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal(message, (string)envelope["message"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal(1, await db.Departments.CountAsync());
    }

    [Fact]
    public async Task CreateDepartment_WithACustomDataStringOver1024Characters_Is400WithTheSdkText()
    {
        var envelope = await _client.PostEnvelopeAsync(Path,
            new { organizationCode = OrganizationCode, parentDepartmentId = "root", name = "n", customData = new { intro = new string('h', 1025) } });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal("customData must be less than 1024 characters", (string)envelope["message"]!);
    }

    [Fact]
    public async Task CreateDepartment_WithATooLongCode_Is400()
    {
        var envelope = await _client.PostEnvelopeAsync(Path,
            new { organizationCode = OrganizationCode, parentDepartmentId = "root", name = "n", code = new string('c', 129) });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal("参数 code 长度不能超过 128", (string)envelope["message"]!);
    }

    private async Task<JsonObject> CreateAsync(object body)
    {
        var envelope = await _client.PostEnvelopeAsync(Path, body);
        Assert.Equal(200, (int)envelope["statusCode"]!);
        return envelope["data"]!.AsObject();
    }
}
