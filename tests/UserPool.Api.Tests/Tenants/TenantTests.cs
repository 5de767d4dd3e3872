using Microsoft.EntityFrameworkCore;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Tenants;

[Collection(ApiCollection.Name)]
public sealed class TenantTests(UserPoolApiFactory api) : IAsyncLifetime
{
    private const string Path = "/api/v3/create-tenant";

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreateTenant_WithOnlyAName_AnswersEveryTenantField()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync(Path, new { name = "Kw3sP9xZ1q" });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.Equal("", (string)envelope["message"]!);
        var data = envelope["data"]!.AsObject();
        Assert.Matches("^[0-9a-f]{24}$", (string)data["tenantId"]!);
        Assert.Equal(api.PoolId, (string)data["userPoolId"]!);
        Assert.Equal("Kw3sP9xZ1q", (string)data["name"]!);
        Assert.Equal("", (string)data["logo"]!);
        Assert.Empty(data["appIds"]!.AsArray());
        Assert.Equal(UserPoolApiFactory.AccessKeyId, (string)data["creator"]!);
        Assert.Equal("", (string)data["sourceAppId"]!);
        Assert.Equal("MANAGEMENT_API", (string)data["source"]!);
        Assert.Matches("^[a-z0-9]{10}$", (string)data["code"]!);
        Assert.Equal("", (string)data["host"]!);
        Assert.Empty(data["enterpriseDomains"]!.AsArray());
        Assert.Null(data["description"]);
        Assert.Null(data["rejectHint"]);
    }

    [Fact]
    public async Task CreateTenant_WithEveryField_StoresThemAll()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync(Path, new
        {
            name = "Uthing",
            appIds = new[] { "app-1", "app-2" },
            logo = new[] { "https://cdn.example.com/a.png", "https://cdn.example.com/b.png" },
            description = "SaaS 客户",
            rejectHint = "请联系管理员",
            sourceAppId = "app-1",
            enterpriseDomains = new[] { "uthing.com", "mail.uthing.cn" },
            expireTime = "2030-01-31T08:00:00+08:00",
            mauAmount = 1000,
            memberAmount = 200,
            adminAmount = 5,
        });

        var data = envelope["data"]!.AsObject();
        Assert.Equal("https://cdn.example.com/a.png", (string)data["logo"]!);
        Assert.Equal("app-1", (string)data["sourceAppId"]!);
        Assert.Equal("APPLICATION", (string)data["source"]!);
        Assert.Equal(["uthing.com", "mail.uthing.cn"], data["enterpriseDomains"]!.AsArray().Select(d => (string)d!));
        await using var db = api.CreateDbContext();
        var tenant = await db.Tenants.SingleAsync();
        Assert.Equal(((string)data["tenantId"]!, api.PoolId, "Uthing", (string)data["code"]!, "SaaS 客户", "请联系管理员", "app-1"),
            (tenant.Id, tenant.UserPoolId, tenant.Name, tenant.Code, tenant.Description, tenant.RejectHint, tenant.SourceAppId));
        Assert.Equal(["https://cdn.example.com/a.png", "https://cdn.example.com/b.png"], tenant.Logo);
        Assert.Equal(["app-1", "app-2"], tenant.AppIds);
        Assert.Equal(["uthing.com", "mail.uthing.cn"], tenant.EnterpriseDomains);
        Assert.Equal(new DateTime(2030, 1, 31, 0, 0, 0, DateTimeKind.Utc), tenant.ExpireTime);
        Assert.Equal((1000, 200, 5), (tenant.MauAmount, tenant.MemberAmount, tenant.AdminAmount));
        Assert.Equal(UserPoolApiFactory.AccessKeyId, tenant.Creator);
    }

    [Fact]
    public async Task CreateTenant_WithOneLogoAsAString_AnswersAndStoresIt()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync(Path, new { name = "t", logo = "https://cdn.example.com/logo.png" });

        Assert.Equal("https://cdn.example.com/logo.png", (string)envelope["data"]!["logo"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal(["https://cdn.example.com/logo.png"], (await db.Tenants.SingleAsync()).Logo);
    }

    [Fact]
    public async Task CreateTenant_WithAnEmptyLogoString_StoresNoLogo()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync(Path, new { name = "t", logo = "" });

        Assert.Equal("", (string)envelope["data"]!["logo"]!);
        await using var db = api.CreateDbContext();
        Assert.Empty((await db.Tenants.SingleAsync()).Logo);
    }

    [Fact]
    public async Task CreateTenant_WithADateAsExpireTime_StoresMidnightUtc()
    {
        using var client = api.CreateSignedClient();

        await client.PostEnvelopeAsync(Path, new { name = "t", expireTime = "2031-06-03" });

        await using var db = api.CreateDbContext();
        Assert.Equal(new DateTime(2031, 6, 3, 0, 0, 0, DateTimeKind.Utc), (await db.Tenants.SingleAsync()).ExpireTime);
    }

    [Fact]
    public async Task CreateTenant_WithAnEmptyBody_Is400()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync(Path, new { });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal("参数 name 格式错误", (string)envelope["message"]!);
        await using var db = api.CreateDbContext();
        Assert.False(await db.Tenants.AnyAsync());
    }

    [Fact]
    public async Task CreateTenant_TwiceWithOneName_GivesDistinctIdsAndCodes()
    {
        using var client = api.CreateSignedClient();

        var first = (await client.PostEnvelopeAsync(Path, new { name = "same" }))["data"]!;
        var second = (await client.PostEnvelopeAsync(Path, new { name = "same" }))["data"]!;

        Assert.NotEqual((string)first["tenantId"]!, (string)second["tenantId"]!);
        Assert.NotEqual((string)first["code"]!, (string)second["code"]!);
    }

    [Fact]
    public async Task CreateTenant_FromAnotherPool_BelongsToThatPool()
    {
        using var other = await api.CreateOtherPoolClientAsync();

        var envelope = await other.Client.PostEnvelopeAsync(Path, new { name = "t" });

        Assert.Equal(other.Id, (string)envelope["data"]!["userPoolId"]!);
        Assert.Equal(other.Key.AccessKeyId, (string)envelope["data"]!["creator"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal(other.Id, (await db.Tenants.SingleAsync()).UserPoolId);
    }

    [Theory]
    [InlineData("""{"name":"  "}""", "参数 name 格式错误")]
    [InlineData("""{"name":"a\tb"}""", "参数 name 含有不能保存的字符")]
    [InlineData("""{"name":"t","logo":1}""", "参数 logo 格式错误")]
    [InlineData("""{"name":"t","logo":"not a url"}""", "参数 logo 格式错误")]
    [InlineData("""{"name":"t","logo":["https://a.example/x.png",2]}""", "参数 logo 格式错误")]
    [InlineData("""{"name":"t","logo":["ftp://a.example/x.png"]}""", "参数 logo 格式错误")]
    [InlineData("""{"name":"t","logo":{"url":"https://a.example/x.png"}}""", "参数 logo 格式错误")]
    [InlineData("""{"name":"t","appIds":["ok",""]}""", "参数 appIds 格式错误")]
    [InlineData("""{"name":"t","appIds":["a\u0000"]}""", "参数 appIds 含有不能保存的字符")]
    [InlineData("""{"name":"t","description":"x\u0007"}""", "参数 description 含有不能保存的字符")]
    [InlineData("""{"name":"t","rejectHint":"\n"}""", "参数 rejectHint 含有不能保存的字符")]
    [InlineData("""{"name":"t","enterpriseDomains":["not a domain"]}""", "参数 enterpriseDomains 格式错误")]
    [InlineData("""{"name":"t","expireTime":"tomorrow"}""", "参数 expireTime 格式错误")]
    [InlineData("""{"name":"t","mauAmount":-1}""", "参数 mauAmount 格式错误")]
    [InlineData("""{"name":"t","memberAmount":-1}""", "参数 memberAmount 格式错误")]
    [InlineData("""{"name":"t","adminAmount":-1}""", "参数 adminAmount 格式错误")]
    public async Task CreateTenant_WithAnInvalidField_Is400NamingIt(string body, string message)
    {
        using var client = api.CreateSignedClient();

        var envelope = await Envelopes.ReadAsync(await client.PostRawAsync(Path, body));

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal(message, (string)envelope["message"]!);
        await using var db = api.CreateDbContext();
        Assert.False(await db.Tenants.AnyAsync());
    }

    [Fact]
    public async Task CreateTenant_WithABadEnterpriseDomain_NamesItsIndexInErrors()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync(Path, new { name = "t", enterpriseDomains = new[] { "ok.example.com", "bad_domain" } });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal("enterpriseDomains[1]", (string)envelope["errors"]![0]!["field"]!);
    }

    [Fact]
    public async Task CreateTenant_WithANameOver64Characters_Is400TooLong()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync(Path, new { name = new string('n', 65) });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal("参数 name 长度不能超过 64", (string)envelope["message"]!);
    }

    [Fact]
    public async Task CreateTenant_WithAStringWhereAnArrayBelongs_Is400()
    {
        using var client = api.CreateSignedClient();

        var envelope = await Envelopes.ReadAsync(await client.PostRawAsync(Path, """{"name":"t","appIds":"app-1"}"""));

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Contains("appIds", (string)envelope["message"]!);
    }
}
