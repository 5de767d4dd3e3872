using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using UserPool.Api.Tests.Accounts;
using UserPool.Api.Tests.Infrastructure;
using UserPool.Api.Tests.Reliability.Support;
using UserPool.Api.Tests.Security;

namespace UserPool.Api.Tests.Reliability;

/// <summary>
/// The defects the hostile-input property found, each pinned by the smallest request that showed it. Each was a
/// 500 before the fix; each is a 4xx envelope now, and nothing is written.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class HostileInputRegressionTests(UserPoolApiFactory api) : IAsyncLifetime
{
    private HttpClient _token = null!;
    private DatabaseFingerprint _fingerprint = null!;

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        _token = await AccountSeed.CreateTokenClientAsync(api);
        _fingerprint = new DatabaseFingerprint(api.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        _token.Dispose();
        await _fingerprint.DisposeAsync();
    }

    /// <summary>
    /// JSON-valued fields (kept as JsonElement) parsed escaped lone surrogates and invalid UTF-8 without complaint;
    /// the first rule to read the string threw InvalidOperationException, a 500. Fixed centrally by
    /// Infrastructure/ReadableJsonElementConverter: such a body is "Invalid JSON at $.path".
    /// </summary>
    [Theory]
    [InlineData("/api/v3/set-custom-fields", """{"list":[{"targetType":"USER","key":"k","i18n":{"label":{"en-US":{"value":"a\ud800b"}}}}]}""")]
    [InlineData("/api/v3/set-custom-fields", """{"list":[{"targetType":"USER","key":"k","validateRules":["\udfff"]}]}""")]
    [InlineData("/api/v3/create-tenant", """{"name":"t","logo":["\ud83d\ud83d"]}""")]
    [InlineData("/api/v3/create-tenant", """{"name":"t","logo":"\udc00"}""")]
    [InlineData("/api/v3/create-organization", """{"organizationName":"o","organizationCode":"o1","i18n":{"organizationName":{"\ud800":1}}}""")]
    [InlineData("/api/v3/create-user", """{"username":"u","customData":{"school":"\ud800"}}""")]
    [InlineData("/api/v3/create-users-batch", """{"list":[{"username":"u","identities":[{"extIdpId":"i","provider":"github","type":"t","userIdInIdp":"x","userInfoInIdp":{"a":"\ud800"}}]}]}""")]
    [InlineData("/api/v3/list-public-accounts", """{"advancedFilter":[{"field":"email","operator":"CONTAINS","value":"\ud83d\ud83d"}]}""")]
    [InlineData("/api/v3/list-users", """{"advancedFilter":[{"field":"email","operator":"IN","value":["\ud800"]}]}""")]
    public async Task A_JSON_valued_field_holding_an_unpaired_surrogate_escape_is_a_400(string path, string body)
    {
        var envelope = await PostAsync(path, Encoding.UTF8.GetBytes(body));

        Assert.Equal(400, envelope.StatusCode());
        Assert.StartsWith("Invalid JSON at $.", envelope.Message());
    }

    [Theory]
    [InlineData("/api/v3/set-custom-fields", """{"list":[{"targetType":"USER","key":"k","i18n":{"label":"a#b"}}]}""")]
    [InlineData("/api/v3/create-user", """{"username":"u","customData":{"a#b":"x"}}""")]
    [InlineData("/api/v3/create-organization", """{"organizationName":"o","organizationCode":"o1","metadata":{"a":"#"}}""")]
    [InlineData("/api/v3/create-tenant", """{"name":"t","logo":"https://example.com/#.png"}""")]
    public async Task A_JSON_valued_field_holding_invalid_UTF8_is_a_400(string path, string body)
    {
        // '#' stands for the invalid byte 0xFF.
        var bytes = Encoding.UTF8.GetBytes(body).Select(b => b == (byte)'#' ? (byte)0xFF : b).ToArray();

        var envelope = await PostAsync(path, bytes);

        Assert.Equal(400, envelope.StatusCode());
    }

    /// <summary>appIds and tenantId were stored unchecked: a NUL made PostgreSQL refuse the row (22021, a 500).</summary>
    [Theory]
    [InlineData("""{"list":[{"targetType":"USER","key":"k","appIds":["a\u0000b"]}]}""", "list[0].appIds[0]")]
    [InlineData("""{"list":[{"targetType":"USER","key":"k","appIds":[""]}]}""", "list[0].appIds[0]")]
    [InlineData("""{"list":[{"targetType":"USER","key":"k"}],"tenantId":"t\u0000"}""", "tenantId")]
    public async Task Set_custom_fields_with_unstorable_app_ids_or_tenant_id_is_a_400(string body, string field)
    {
        var envelope = await PostAsync("/api/v3/set-custom-fields", Encoding.UTF8.GetBytes(body));

        Assert.Equal(400, envelope.StatusCode());
        Assert.Equal(field, (string?)envelope["errors"]![0]!["field"]);
    }

    /// <summary>A null identity passed validation and the draft builder dereferenced it (NullReferenceException, a 500).</summary>
    [Theory]
    [InlineData("/api/v3/create-users-batch", """{"list":[{"username":"u","identities":[null]}]}""", "list[0].identities[0]")]
    [InlineData("/api/v3/create-user", """{"username":"u","identities":[null]}""", "identities[0]")]
    public async Task A_null_identity_is_a_400(string path, string body, string field)
    {
        var envelope = await PostAsync(path, Encoding.UTF8.GetBytes(body));

        Assert.Equal(400, envelope.StatusCode());
        Assert.Contains(envelope["errors"]!.AsArray(), e => (string?)e!["field"] == field);
    }

    /// <summary>An access key id with a NUL reached the key lookup, which PostgreSQL refused (22021, a 500).</summary>
    [Theory]
    [InlineData("a\\u0000b", 401)]
    [InlineData("\\ud800", 400)]
    public async Task A_token_request_for_an_access_key_id_with_a_NUL_or_a_lone_surrogate_is_refused(string escapedKeyId, int statusCode)
    {
        using var http = api.CreateClient();
        var before = await _fingerprint.TakeAsync();
        var body = $$"""{"accessKeyId":"{{escapedKeyId}}","accessKeySecret":"{{UserPoolApiFactory.AccessKeySecret}}"}""";

        var envelope = await Envelopes.ReadAsync(await http.PostAsync("/api/v3/get-management-token",
            new StringContent(body, Encoding.UTF8, "application/json")));

        Assert.Equal(statusCode, envelope.StatusCode());
        Assert.Equal("", DatabaseFingerprint.Difference(before, await _fingerprint.TakeAsync()));
    }

    [Fact]
    public async Task A_token_whose_key_id_holds_a_NUL_is_a_401()
    {
        using var http = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v3/get-custom-fields?targetType=USER");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + ForeignTokens.Mint(UserPoolApiFactory.AccessKeySecret, "a\0b", api.PoolId));
        request.Headers.TryAddWithoutValidation("x-authing-userpool-id", api.PoolId);

        Envelopes.AssertUnauthorized(await Envelopes.ReadAsync(await http.SendAsync(request)), apiCode: null);
    }

    /// <summary>
    /// An unknown key holding "['" (the hostile-input property sent "LIST[") broke the reading of its own JSON path
    /// ("$['LIST[']"): the error handler threw and the framework answered a bare problem+json. The key is named now.
    /// </summary>
    [Theory]
    [InlineData("""{"list":[{"username":"u"}],"LIST[":"x"}""", "['LIST[']", null)]
    [InlineData("""{"list":[{"username":"u","list[":"x"}]}""", "list[0]['list[']", 0)]
    [InlineData("""{"list":[{"username":"u","a['b":1}]}""", "list[0]['a['b']", 0)]
    public async Task An_unknown_key_holding_an_opening_bracket_is_a_400_naming_it(string body, string field, int? index)
    {
        var envelope = await PostAsync("/api/v3/create-users-batch", Encoding.UTF8.GetBytes(body));

        Assert.Equal(400, envelope.StatusCode());
        var error = Assert.Single(envelope["errors"]!.AsArray())!;
        Assert.Equal((field, index, "unknown_field"), ((string)error["field"]!, (int?)error["index"], (string)error["code"]!));
    }

    private async Task<JsonObject> PostAsync(string path, byte[] body)
    {
        var before = await _fingerprint.TakeAsync();
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var envelope = await Envelopes.ReadAsync(await _token.PostAsync(path, content));

        Assert.Equal("", DatabaseFingerprint.Difference(before, await _fingerprint.TakeAsync()));
        return envelope;
    }
}
