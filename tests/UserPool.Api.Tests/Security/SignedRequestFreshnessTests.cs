using System.Globalization;
using System.Text.Json.Nodes;
using UserPool.Api.Tests.CustomFields;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Security;

/// <summary>
/// The date, nonce and signature-scheme headers of a signed request: each failure has its documented apiCode
/// (1301–1306), and a replayed request is refused and does nothing.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class SignedRequestFreshnessTests(UserPoolApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonObject> SendAsync(NodeSdkRequest request) => await Envelopes.ReadAsync(await api.SendSignedAsync(request));

    [Fact]
    public async Task A_request_without_a_date_header_is_refused_with_1304()
    {
        var request = CustomFieldCalls.Set("school");
        request.Headers["date"] = null;

        Envelopes.AssertUnauthorized(await SendAsync(request), 1304);
        Assert.Empty(await api.StoredAsync());
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2024-01-01T00:00:00Z")]
    [InlineData("Mon, 32 Jan 2024 00:00:00 GMT")]
    [InlineData("Tue, 01 Jan 2024 00:00:00 GMT")]
    [InlineData("99999999999999999999999")]
    public async Task A_request_with_an_unparseable_date_is_refused_with_1303(string date)
    {
        var request = CustomFieldCalls.Set("school");
        request.Headers["date"] = date;

        Envelopes.AssertUnauthorized(await SendAsync(request), 1303);
        Assert.Empty(await api.StoredAsync());
    }

    [Theory]
    [InlineData(-16)]
    [InlineData(16)]
    [InlineData(-24 * 60)]
    public async Task A_request_dated_outside_the_fifteen_minute_window_is_refused_with_1305(int minutesFromNow)
    {
        var request = CustomFieldCalls.Set("school");
        request.Headers["date"] = DateTimeOffset.UtcNow.AddMinutes(minutesFromNow).ToString("r", CultureInfo.InvariantCulture);

        Envelopes.AssertUnauthorized(await SendAsync(request), 1305);
        Assert.Empty(await api.StoredAsync());
    }

    [Fact]
    public async Task A_date_in_epoch_milliseconds_inside_the_window_is_accepted()
    {
        var request = CustomFieldCalls.GetUserFields();
        request.Headers["date"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

        Envelopes.AssertSuccess(await SendAsync(request));
    }

    [Fact]
    public async Task The_exact_same_request_sent_twice_is_refused_the_second_time_with_1306_and_does_nothing()
    {
        var request = CustomFieldCalls.Set("school", "first");
        using var http = api.CreateClient();

        using (var first = request.Sign(UserPoolApiFactory.AccessKeyId, UserPoolApiFactory.AccessKeySecret))
        {
            Envelopes.AssertSuccess(await Envelopes.ReadAsync(await http.SendAsync(first)));
        }

        var afterFirst = Assert.Single(await api.StoredAsync());

        using (var replay = request.Sign(UserPoolApiFactory.AccessKeyId, UserPoolApiFactory.AccessKeySecret))
        {
            Envelopes.AssertUnauthorized(await Envelopes.ReadAsync(await http.SendAsync(replay)), 1306);
        }

        var afterReplay = Assert.Single(await api.StoredAsync());
        Assert.Equal(afterFirst.UpdatedAt, afterReplay.UpdatedAt);
    }

    [Fact]
    public async Task A_different_request_reusing_a_spent_nonce_is_refused_with_1306_and_does_nothing()
    {
        var first = CustomFieldCalls.Set("school");
        Envelopes.AssertSuccess(await SendAsync(first));

        var second = CustomFieldCalls.Set("another");
        second.Headers["x-authing-signature-nonce"] = first.Headers["x-authing-signature-nonce"];

        Envelopes.AssertUnauthorized(await SendAsync(second), 1306);
        Assert.Equal(["school"], (await api.StoredAsync()).Select(f => f.Key));
    }

    [Fact]
    public async Task A_replay_sent_to_another_server_instance_on_the_same_database_is_refused_too()
    {
        await using var secondInstance = api.WithWebHostBuilder(_ => { });
        var request = CustomFieldCalls.Set("school");
        using (var first = request.Sign(UserPoolApiFactory.AccessKeyId, UserPoolApiFactory.AccessKeySecret))
        {
            Envelopes.AssertSuccess(await Envelopes.ReadAsync(await api.CreateClient().SendAsync(first)));
        }

        using var replay = request.Sign(UserPoolApiFactory.AccessKeyId, UserPoolApiFactory.AccessKeySecret);

        Envelopes.AssertUnauthorized(await Envelopes.ReadAsync(await secondInstance.CreateClient().SendAsync(replay)), 1306);
    }

    [Fact]
    public async Task Concurrent_copies_of_one_signed_request_are_answered_once()
    {
        var request = CustomFieldCalls.Set("school");
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var message = request.Sign(UserPoolApiFactory.AccessKeyId, UserPoolApiFactory.AccessKeySecret);
            return await Envelopes.ReadAsync(await api.CreateClient().SendAsync(message));
        }));

        Assert.Single(answers, answer => answer.StatusCode() == 200);
        Assert.All(answers.Where(answer => answer.StatusCode() != 200), answer => Envelopes.AssertUnauthorized(answer, 1306));
    }

    [Fact]
    public async Task A_nonce_of_128_characters_is_accepted_and_one_of_129_refused()
    {
        var longest = CustomFieldCalls.GetUserFields();
        longest.Headers["x-authing-signature-nonce"] = new string('a', 124) + NodeSdkRequest.NewNonce()[..4];
        Envelopes.AssertSuccess(await SendAsync(longest));

        var tooLong = CustomFieldCalls.GetUserFields();
        tooLong.Headers["x-authing-signature-nonce"] = new string('b', 125) + NodeSdkRequest.NewNonce()[..4];
        Envelopes.AssertUnauthorized(await SendAsync(tooLong), 1300);
    }

    [Fact]
    public async Task A_nonce_is_not_spent_by_a_request_that_failed_its_signature()
    {
        // Otherwise anyone could burn a client's future nonces without knowing its secret.
        var forged = CustomFieldCalls.Set("school");
        Envelopes.AssertUnauthorized(await Envelopes.ReadAsync(await api.SendSignedAsync(forged, secret: "not-the-secret")), 1300);

        var genuine = CustomFieldCalls.Set("school");
        genuine.Headers["x-authing-signature-nonce"] = forged.Headers["x-authing-signature-nonce"];

        Envelopes.AssertSuccess(await SendAsync(genuine));
    }

    [Fact]
    public async Task A_nonce_spent_by_one_key_is_still_fresh_for_another_key()
    {
        var other = await api.CreateOtherPoolAsync();
        var mine = CustomFieldCalls.GetUserFields();
        Envelopes.AssertSuccess(await SendAsync(mine));

        var theirs = CustomFieldCalls.GetUserFields();
        theirs.Headers["x-authing-signature-nonce"] = mine.Headers["x-authing-signature-nonce"];

        Envelopes.AssertSuccess(await Envelopes.ReadAsync(await api.SendSignedAsync(theirs, other.AccessKeyId, other.AccessKeySecret)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task A_request_without_a_nonce_is_refused(string? nonce)
    {
        var request = CustomFieldCalls.Set("school");
        request.Headers["x-authing-signature-nonce"] = nonce;

        Envelopes.AssertUnauthorized(await SendAsync(request), 1300);
        Assert.Empty(await api.StoredAsync());
    }

    [Theory]
    [InlineData("HMAC-SHA256")]
    [InlineData("hmac-sha1")]
    public async Task A_signature_method_other_than_HMAC_SHA1_is_refused_with_1301(string method)
    {
        var request = CustomFieldCalls.Set("school");
        request.Headers["x-authing-signature-method"] = method;

        Envelopes.AssertUnauthorized(await SendAsync(request), 1301);
        Assert.Empty(await api.StoredAsync());
    }

    [Theory]
    [InlineData("2.0")]
    [InlineData("1")]
    public async Task A_signature_version_other_than_1_0_is_refused_with_1302(string version)
    {
        var request = CustomFieldCalls.Set("school");
        request.Headers["x-authing-signature-version"] = version;

        Envelopes.AssertUnauthorized(await SendAsync(request), 1302);
        Assert.Empty(await api.StoredAsync());
    }
}
