using System.Text.Json.Nodes;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.CustomFields;

/// <summary>
/// set-custom-fields inputs that used to fault (HTTP 500) and empty bodies on the validated create endpoints,
/// found by the Node SDK interop suite.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CustomFieldTests(UserPoolApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SetCustomFields_WithoutAList_Is400NotAFault()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync(CustomFieldCalls.SetPath, new { tenantId = "t" });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal("参数 list 格式错误", (string)envelope["message"]!);
        Assert.Empty(await api.StoredAsync());
    }

    [Fact]
    public async Task SetCustomFields_NamingOneKeyTwice_DefinesItOnceWithTheLaterValues()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync(CustomFieldCalls.SetPath, new
        {
            list = new object[]
            {
                new { targetType = "USER", key = "school", dataType = "STRING", label = "first" },
                new { targetType = "USER", key = "school", label = "second" },
                new { targetType = "USER", key = "age", dataType = "NUMBER" },
            },
        });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.Equal(["school", "age"], CustomFieldCalls.KeysIn(envelope));
        Assert.Equal("second", (string)envelope["data"]![0]!["label"]!);
        var stored = await api.StoredAsync();
        Assert.Equal(["age", "school"], stored.Select(f => f.Key));
        Assert.Equal(("STRING", "second"), (stored[1].DataType, stored[1].Label));
    }

    [Fact]
    public async Task SetCustomFields_NamingOneKeyTwiceWithTwoDataTypes_Is400()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync(CustomFieldCalls.SetPath, new
        {
            list = new object[]
            {
                new { targetType = "USER", key = "age", dataType = "STRING" },
                new { targetType = "USER", key = "age", dataType = "NUMBER" },
            },
        });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal("自定义字段 age 的 dataType 不能修改", (string)envelope["message"]!);
        var error = envelope["errors"]![0]!;
        Assert.Equal(("list[1].dataType", "自定义字段 age 的 dataType 不能修改"), ((string)error["field"]!, (string)error["message"]!));
        Assert.Empty(await api.StoredAsync());
    }

    /// <summary>The Node SDK sends no body at all when a method is called without its argument.</summary>
    [Theory]
    [InlineData("/api/v3/set-custom-fields", "参数 list 格式错误")]
    [InlineData("/api/v3/create-tenant", "参数 name 格式错误")]
    [InlineData("/api/v3/create-organization", "参数 organizationCode 格式错误")]
    [InlineData("/api/v3/create-department", "参数 organizationCode 格式错误")]
    public async Task ValidatedCreates_WithAnEmptyBody_AnswerTheValidatorsText(string path, string message)
    {
        using var client = api.CreateSignedClient();

        var envelope = await Envelopes.ReadAsync(await client.PostRawAsync(path, ""));

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal(message, (string)envelope["message"]!);
        Assert.IsType<JsonArray>(envelope["errors"]);
    }

    [Fact]
    public async Task SetCustomFields_WithAnotherPoolsTenantId_IsRefusedAndSavesNothing()
    {
        using var other = await api.CreateOtherPoolClientAsync();
        var othersTenant = (string)(await other.Client.PostEnvelopeAsync("/api/v3/create-tenant", new { name = "Theirs" }))["data"]!["tenantId"]!;
        using var client = api.CreateSignedClient();
        var body = CustomFieldCalls.SetBody("school");
        body["tenantId"] = othersTenant;

        var envelope = await client.PostEnvelopeAsync(CustomFieldCalls.SetPath, body);

        Assert.Equal(404, (int)envelope["statusCode"]!);
        Assert.Contains(othersTenant, (string)envelope["message"]!);
        Assert.Empty(await api.StoredAsync());
    }

    [Fact]
    public async Task SetCustomFields_WithThePoolsOwnTenantId_SavesTheDefinition()
    {
        using var client = api.CreateSignedClient();
        var tenant = (string)(await client.PostEnvelopeAsync("/api/v3/create-tenant", new { name = "Ours" }))["data"]!["tenantId"]!;
        var body = CustomFieldCalls.SetBody("school");
        body["tenantId"] = tenant;

        var envelope = await client.PostEnvelopeAsync(CustomFieldCalls.SetPath, body);

        Assert.Equal(200, (int)envelope["statusCode"]!);
        Assert.Equal("school", Assert.Single(await api.StoredAsync()).Key);
    }
}
