using System.Net;
using UserPool.Api.Tests.CustomFields;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Security;

/// <summary>Past the per-pool limit (5/s here), a real HTTP 429 with the envelope; other pools are not affected.</summary>
[Collection(SecurityCollection.Name)]
public sealed class RateLimitTests(RateLimitedApiFactory api) : IClassFixture<RateLimitedApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpResponseMessage> SignedGetAsync(string accessKeyId, string secret) =>
        await api.SendSignedAsync(CustomFieldCalls.GetUserFields(), accessKeyId, secret);

    /// <summary>
    /// Sends bursts of concurrent requests until the pool is throttled and returns a 429; bursts, so that a slow,
    /// busy machine still fits more than the limit into one second.
    /// </summary>
    private async Task<HttpResponseMessage> ExhaustAsync(string accessKeyId, string secret)
    {
        for (var burst = 0; burst < 10; burst++)
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 3 * RateLimitedApiFactory.Limit).Select(_ => SignedGetAsync(accessKeyId, secret)));
            foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.TooManyRequests))
            {
                Envelopes.AssertSuccess(await Envelopes.ReadAsync(response));
            }

            if (responses.FirstOrDefault(r => r.StatusCode == HttpStatusCode.TooManyRequests) is { } throttled)
            {
                return throttled;
            }
        }

        throw new Xunit.Sdk.XunitException("Never throttled.");
    }

    [Fact]
    public async Task Past_the_limit_the_answer_is_a_real_HTTP_429_with_the_envelope()
    {
        var throttled = await ExhaustAsync(UserPoolApiFactory.AccessKeyId, UserPoolApiFactory.AccessKeySecret);

        var envelope = await Envelopes.ReadAsync(throttled);
        Assert.Equal(429, envelope.StatusCode());
        Assert.False(string.IsNullOrWhiteSpace(envelope.Message()));
        Assert.Equal("application/json", throttled.Content.Headers.ContentType?.MediaType);
        Assert.Equal((string?)envelope["requestId"], Assert.Single(throttled.Headers.GetValues("x-request-id")));
    }

    [Fact]
    public async Task The_limit_counts_every_request_of_the_pool_whatever_its_credential()
    {
        using var token = await api.LoggedInTokenClientAsync(TokenSdk.Go);
        var statuses = new List<int>();
        for (var burst = 0; burst < 10 && !statuses.Contains(429); burst++)
        {
            // Half token, half signature: only together do they exceed the limit.
            var answers = await Task.WhenAll(Enumerable.Range(0, 2 * RateLimitedApiFactory.Limit).Select(async i =>
            {
                using var request = i % 2 == 0
                    ? token.Build(HttpMethod.Get, CustomFieldCalls.GetPath + "?targetType=USER")
                    : CustomFieldCalls.GetUserFields().Sign(UserPoolApiFactory.AccessKeyId, UserPoolApiFactory.AccessKeySecret);
                return (await Envelopes.ReadAsync(await api.CreateClient().SendAsync(request))).StatusCode();
            }));
            statuses.AddRange(answers);
        }

        Assert.Contains(429, statuses);
    }

    [Fact]
    public async Task A_throttled_pool_does_not_throttle_another_pool()
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            // A fresh pool per attempt: an earlier attempt's requests may still count in the other pool's window.
            var other = await api.CreateOtherPoolAsync($"other-{attempt}");
            await ExhaustAsync(UserPoolApiFactory.AccessKeyId, UserPoolApiFactory.AccessKeySecret);

            var otherAnswers = await Task.WhenAll(Enumerable.Range(0, RateLimitedApiFactory.Limit - 1)
                .Select(async _ => await Envelopes.ReadAsync(await SignedGetAsync(other.AccessKeyId, other.AccessKeySecret))));

            // Only meaningful if the first pool was still throttled while the other pool was answered.
            var stillThrottled = await SignedGetAsync(UserPoolApiFactory.AccessKeyId, UserPoolApiFactory.AccessKeySecret);
            if (stillThrottled.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.All(otherAnswers, Envelopes.AssertSuccess);
                return;
            }
        }

        throw new Xunit.Sdk.XunitException("Could not keep the first pool throttled while probing the other one.");
    }
}
