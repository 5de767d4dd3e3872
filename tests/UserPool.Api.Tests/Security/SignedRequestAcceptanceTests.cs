using System.Globalization;
using System.Text.Json.Nodes;
using UserPool.Api.Tests.CustomFields;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Security;

/// <summary>Requests signed as authing-node-sdk 4.0.1 signs them are answered, in every shape the SDK sends.</summary>
[Collection(SecurityCollection.Name)]
public sealed class SignedRequestAcceptanceTests(UserPoolApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_signed_POST_is_answered_and_takes_effect()
    {
        var envelope = await Envelopes.ReadAsync(await api.SendSignedAsync(CustomFieldCalls.Set("school", "学校 & more = fun")));

        Envelopes.AssertSuccess(envelope);
        var stored = Assert.Single(await api.StoredAsync());
        Assert.Equal("school", stored.Key);
        Assert.Equal("学校 & more = fun", stored.Label);
    }

    [Fact]
    public async Task A_signed_GET_is_answered_with_the_pools_data()
    {
        Envelopes.AssertSuccess(await Envelopes.ReadAsync(await api.SendSignedAsync(CustomFieldCalls.Set("school"))));

        var envelope = await Envelopes.ReadAsync(await api.SendSignedAsync(CustomFieldCalls.GetUserFields()));

        Envelopes.AssertSuccess(envelope);
        Assert.Equal(["school"], CustomFieldCalls.KeysIn(envelope));
    }

    [Fact]
    public async Task A_signed_GET_with_several_parameters_is_signed_over_them_sorted()
    {
        // axios keeps insertion order on the wire; the SDK signs the keys sorted.
        var request = NodeSdkRequest.Get(CustomFieldCalls.GetPath, ("targetType", "USER"), ("tenantId", "t 1&x=y"));

        Envelopes.AssertSuccess(await Envelopes.ReadAsync(await api.SendSignedAsync(request)));
    }

    [Fact]
    public async Task A_signed_POST_with_nested_values_unicode_and_escapes_is_accepted()
    {
        var body = CustomFieldCalls.SetBody("nested", "名字 \"quoted\" \\ /");
        body["list"]![0]!["options"] = new JsonArray(new JsonObject { ["value"] = "a&b=c", ["label"] = "ü" });
        body["list"]![0]!["dataType"] = "ENUM";
        body["tenantId"] = null;

        Envelopes.AssertSuccess(await Envelopes.ReadAsync(await api.SendSignedAsync(NodeSdkRequest.Post(CustomFieldCalls.SetPath, body))));
        Assert.Equal("名字 \"quoted\" \\ /", Assert.Single(await api.StoredAsync()).Label);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json;charset=UTF-8")]
    public async Task A_signed_POST_whose_Content_Type_has_a_charset_is_accepted(string contentType)
    {
        var request = CustomFieldCalls.Set("school");
        request.ContentType = contentType;

        Envelopes.AssertSuccess(await Envelopes.ReadAsync(await api.SendSignedAsync(request)));
        Assert.Single(await api.StoredAsync());
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData(null)]
    public async Task A_signed_POST_with_an_empty_body_authenticates_over_the_bare_path(string? contentType)
    {
        // listPublicAccounts() sends POST with Content-Length 0; its payload {} is signed as the path alone, no '?'.
        var request = NodeSdkRequest.PostWithoutBody(CustomFieldCalls.SetPath);
        request.ContentType = contentType;
        Assert.EndsWith("\n" + CustomFieldCalls.SetPath, request.StringToSign());

        var envelope = await Envelopes.ReadAsync(await api.SendSignedAsync(request));

        // Authenticated, then refused by this endpoint for lacking a list: a 400, not a 401.
        Assert.Equal(400, envelope.StatusCode());
        Assert.Null(envelope.ApiCode());
    }

    [Fact]
    public async Task A_signed_POST_with_an_empty_body_signed_over_something_else_is_refused()
    {
        var request = NodeSdkRequest.PostWithoutBody(CustomFieldCalls.SetPath);
        using var message = request.Sign(UserPoolApiFactory.AccessKeyId, UserPoolApiFactory.AccessKeySecret,
            stringToSignOverride: request.StringToSign() + "?list=[]");

        Envelopes.AssertUnauthorized(await Envelopes.ReadAsync(await api.CreateClient().SendAsync(message)), 1300);
    }

    [Theory]
    [InlineData(-14)]
    [InlineData(14)]
    public async Task A_date_inside_the_fifteen_minute_window_is_accepted(int minutesFromNow)
    {
        var request = CustomFieldCalls.GetUserFields();
        request.Headers["date"] = DateTimeOffset.UtcNow.AddMinutes(minutesFromNow).ToString("r", CultureInfo.InvariantCulture);

        Envelopes.AssertSuccess(await Envelopes.ReadAsync(await api.SendSignedAsync(request)));
    }

    [Theory]
    [InlineData("x-authing-app-id")]
    [InlineData("x-authing-tenant-id")]
    [InlineData("x-authing-app-tenant-id")]
    public async Task A_signed_request_with_a_tenant_header_in_any_spelling_is_accepted(string tenantHeader)
    {
        var request = CustomFieldCalls.Set("school");
        request.Headers[tenantHeader] = "tenant-001";
        request.Headers["x-authing-lang"] = "en-US";

        Envelopes.AssertSuccess(await Envelopes.ReadAsync(await api.SendSignedAsync(request)));
    }

    [Fact]
    public async Task The_signed_client_used_by_other_tests_is_accepted_too()
    {
        using var client = api.CreateSignedClient();

        Envelopes.AssertSuccess(await client.PostEnvelopeAsync(CustomFieldCalls.SetPath, CustomFieldCalls.SetBody("school")));
    }
}
