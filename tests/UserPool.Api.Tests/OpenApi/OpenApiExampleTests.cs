using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.OpenApi;

/// <summary>
/// "Try it out" starts from the product documents' samples, as JSON this API takes, and they work as pre-filled;
/// failures are documented with the envelope and its errors.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class OpenApiExampleTests(UserPoolApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreateUsersBatch_PrefillsTheUsersSeed_InTheApisCamelCaseForm()
    {
        var body = (await api.DocumentAsync()).Operation("post", "/api/v3/create-users-batch").RequestExample("seed");

        Assert.All(Keys(body), key => Assert.Matches(CamelCase(), key));
        var user = body["list"]![0]!.AsObject();
        Assert.Equal(("test@example.com", "bob", "张三", "+86", "10010"),
            ((string)user["email"]!, (string)user["username"]!, (string)user["name"]!, (string)user["phoneCountryCode"]!, (string)user["externalId"]!));
        Assert.Matches("^[0-9]{11}$", (string)user["phone"]!);
        Assert.Equal("wechat", (string)user["identities"]![0]!["provider"]!);
        Assert.False(user.ContainsKey("tenantIds"));
        Assert.False(user.ContainsKey("passwordEncryptType"));
        Assert.False(user.ContainsKey("resetPasswordOnFisrtLogin"));
        Assert.Equal(("none", "department_id", "appid1"),
            ((string)body["options"]!["passwordEncryptType"]!, (string)body["options"]!["departmentIdType"]!, (string)body["options"]!["sendNotification"]!["appId"]!));
    }

    [Fact]
    public async Task CreatePublicAccountsBatch_PrefillsThePublicAccountsSeed_WithItsWrappedKeyMended()
    {
        var body = (await api.DocumentAsync()).Operation("post", "/api/v3/create-public-accounts-batch").RequestExample("seed");

        var account = body["list"]![0]!.AsObject();
        Assert.Equal(28, account.Count);
        Assert.Equal("alice", (string)account["preferredUsername"]!);
        Assert.All(Keys(body), key => Assert.Matches(CamelCase(), key));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"autoGeneratePassword":true,"resetPasswordOnFirstLogin":true,"passwordEncryptType":"none"}"""), body["options"]));
    }

    [Theory]
    [InlineData("/api/v3/create-user", "/api/v3/create-users-batch")]
    [InlineData("/api/v3/create-public-account", "/api/v3/create-public-accounts-batch")]
    public async Task SingleCreate_PrefillsTheBatchsItem_WithTheBatchsOptionsBesideIt(string single, string batch)
    {
        var document = await api.DocumentAsync();
        var batchBody = document.Operation("post", batch).RequestExample("seed");

        var expected = batchBody["list"]![0]!.DeepClone().AsObject();
        expected["options"] = batchBody["options"]!.DeepClone();
        Assert.True(JsonNode.DeepEquals(expected, document.Operation("post", single).RequestExample("seed")));
    }

    [Theory]
    [InlineData("/api/v3/create-users-batch")]
    [InlineData("/api/v3/create-user")]
    [InlineData("/api/v3/create-public-accounts-batch")]
    [InlineData("/api/v3/create-public-account")]
    public async Task SeedExample_IsAccepted_AsPrefilled_OnAFreshPool(string path)
    {
        var example = (await api.DocumentAsync()).Operation("post", path).RequestExample("seed");
        using var client = api.CreateSignedClient();

        var envelope = await Envelopes.ReadAsync(await client.PostRawAsync(path, example.ToJsonString()));

        Assert.True((int)envelope["statusCode"]! == 200, envelope.ToJsonString());
        var account = envelope["data"] is JsonArray list ? list.Single()! : envelope["data"]!;
        Assert.Equal("bob", (string)account["username"]!);
    }

    /// <summary>The documented answers are hand-kept data: this keeps them equal to what the server really answers.</summary>
    [Theory]
    [InlineData("/api/v3/create-users-batch")]
    [InlineData("/api/v3/create-user")]
    [InlineData("/api/v3/create-public-accounts-batch")]
    [InlineData("/api/v3/create-public-account")]
    public async Task DocumentedAnswerToTheSeed_IsWhatTheServerAnswers_ButForIdsAndTimes(string path)
    {
        var operation = (await api.DocumentAsync()).Operation("post", path);
        var documented = operation["responses"]!["200"]!["content"]!["application/json"]!["example"]!["data"]!;
        using var client = api.CreateSignedClient();

        var envelope = await Envelopes.ReadAsync(await client.PostRawAsync(path, operation.RequestExample("seed").ToJsonString()));

        Assert.True(JsonNode.DeepEquals(WithoutGenerated(documented), WithoutGenerated(envelope["data"]!)),
            $"documented: {documented.ToJsonString()}\nanswered: {envelope["data"]!.ToJsonString()}");
    }

    private static readonly string[] Generated = ["userId", "identityId", "createdAt", "updatedAt", "statusChangedAt", "passwordLastSetAt"];

    private static JsonNode WithoutGenerated(JsonNode node)
    {
        var copy = node.DeepClone();
        foreach (var account in copy is JsonArray list ? list.Select(a => a!.AsObject()) : [copy.AsObject()])
        {
            foreach (var key in Generated)
            {
                account.Remove(key);
            }

            foreach (var identity in account["identities"]?.AsArray() ?? [])
            {
                identity!.AsObject().Remove("identityId");
            }
        }

        return copy;
    }

    [Fact]
    public async Task UsersExampleWithCustomDataAndDepartment_WorksAfterTheReferenceDataExamples()
    {
        var document = await api.DocumentAsync();
        using var client = api.CreateSignedClient();
        foreach (var (path, example) in new[]
                 {
                     ("/api/v3/set-custom-fields", "seedFields"), ("/api/v3/create-organization", "organization"),
                     ("/api/v3/create-department", "department"),
                 })
        {
            var answer = await client.PostEnvelopeAsync(path, document.Operation("post", path).RequestExample(example));
            Assert.True((int)answer["statusCode"]! == 200, answer.ToJsonString());
        }

        var body = document.Operation("post", "/api/v3/create-users-batch").RequestExample("seedWithDepartmentsAndCustomData");
        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", body);

        Assert.True((int)envelope["statusCode"]! == 200, envelope.ToJsonString());
        var user = envelope["data"]![0]!;
        Assert.Single(user["departmentIds"]!.AsArray());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"school":"北京大学","age":22}"""), user["customData"]));
    }

    [Fact]
    public async Task Failures_AreDocumentedAsTheErrorEnvelope_WithItsErrorsArray()
    {
        var operation = (await api.DocumentAsync()).Operation("post", "/api/v3/create-users-batch");

        var failure = operation["responses"]!["default"]!["content"]!["application/json"]!;
        Assert.Equal("ErrorRespDto", failure["schema"].RefName());
        var conflict = failure["examples"]!["taken"]!["value"]!;
        Assert.Equal(409, (int)conflict["statusCode"]!);
        Assert.Equal("list[0].email", (string)conflict["errors"]![0]!["field"]!);
        Assert.Equal("already_exists", (string)conflict["errors"]![0]!["code"]!);
        Assert.Equal(400, (int)failure["examples"]!["seedVerbatim"]!["value"]!["statusCode"]!);
        Assert.Equal("ErrorRespDto", operation["responses"]!["429"]!["content"]!["application/json"]!["schema"].RefName());
        Assert.Equal(200, (int)operation["responses"]!["200"]!["content"]!["application/json"]!["example"]!["statusCode"]!);
    }

    [Fact]
    public async Task QueryParameters_AreCamelCase_Typed_AndRequiredWhereTheServerNeedsThem()
    {
        var parameters = (await api.DocumentAsync()).Operation("get", "/api/v3/get-user")["parameters"]!.AsArray()
            .ToDictionary(p => (string)p!["name"]!, p => p!.AsObject());

        Assert.Equal(["userId", "userIdType", "flatCustomData", "withCustomData", "withPost", "withIdentities", "withDepartmentIds"], parameters.Keys);
        Assert.True((bool)parameters["userId"]["required"]!);
        Assert.Equal("user_id", (string)parameters["userIdType"]["schema"]!["default"]!);
        Assert.Contains("identity", parameters["userIdType"]["schema"]!["enum"].Strings());
        Assert.All(parameters.Keys.Where(k => k.StartsWith("with", StringComparison.Ordinal)),
            key => Assert.Equal("boolean", (string)parameters[key]["schema"]!["type"]!));
    }

    [Fact]
    public async Task EveryOperation_HasAnIdASummaryADescriptionAndJsonSchemas()
    {
        var document = await api.DocumentAsync();

        foreach (var (method, path, operation) in document.Operations())
        {
            var where = $"{method} {path}";
            Assert.False(string.IsNullOrWhiteSpace((string?)operation["operationId"]), where);
            Assert.False(string.IsNullOrWhiteSpace((string?)operation["summary"]), where);
            Assert.False(string.IsNullOrWhiteSpace((string?)operation["description"]), where);
            Assert.NotNull(operation["responses"]!["200"]!["content"]!["application/json"]!["schema"].RefName());
            if (operation["requestBody"] is { } request)
            {
                Assert.NotNull(request["content"]!["application/json"]!["schema"].RefName());
            }
        }
    }

    private static IEnumerable<string> Keys(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Keys(p.Value).Prepend(p.Key)),
        JsonArray a => a.SelectMany(Keys),
        _ => [],
    };

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    private static partial Regex CamelCase();
}
