using System.Net;
using System.Net.Http.Json;
using UserPool.Api.Tests.CustomFields;
using UserPool.Api.Tests.Infrastructure;
using UserPool.Api.Tests.Reliability.Support;
using UserPool.Api.Tests.Security;

namespace UserPool.Api.Tests.Reliability;

/// <summary>
/// Failed authentications are limited per client address and per (key id, address), before any work: a stranger who
/// knows the pool's key id (it is the pool id for the first key) gets 429 while the key's owner elsewhere goes on.
/// </summary>
[Collection(AuthThrottleCollection.Name)]
public sealed class FailedAuthenticationThrottleTests(AuthThrottleApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Forged_signatures_for_the_pools_key_get_429_after_the_limit_while_the_owner_elsewhere_passes()
    {
        var stranger = ThrottleRequests.NewAddress();
        var owner = ThrottleRequests.NewAddress();

        for (var attempt = 0; attempt < AuthThrottleApiFactory.PerKeyAndAddressLimit; attempt++)
        {
            Envelopes.AssertUnauthorized(await Envelopes.ReadAsync(await ThrottleRequests.ForgedGetAsync(api, stranger)), apiCode: 1300);
        }

        await ThrottleRequests.AssertThrottledAsync(await ThrottleRequests.ForgedGetAsync(api, stranger));
        for (var request = 0; request < 2 * AuthThrottleApiFactory.PerKeyAndAddressLimit; request++)
        {
            var answer = await ThrottleRequests.SignedGetAsync(api, owner, UserPoolApiFactory.AccessKeyId, UserPoolApiFactory.AccessKeySecret);
            Envelopes.AssertSuccess(await Envelopes.ReadAsync(answer));
        }

        await ThrottleRequests.AssertThrottledAsync(await ThrottleRequests.ForgedGetAsync(api, stranger));
    }

    [Fact]
    public async Task Valid_signatures_never_spend_the_failure_allowance()
    {
        var address = ThrottleRequests.NewAddress();
        for (var request = 0; request < 3 * AuthThrottleApiFactory.PerAddressLimit; request++)
        {
            var answer = await ThrottleRequests.SignedGetAsync(api, address, UserPoolApiFactory.AccessKeyId, UserPoolApiFactory.AccessKeySecret);
            Envelopes.AssertSuccess(await Envelopes.ReadAsync(answer));
        }

        // The whole allowance is still there.
        for (var attempt = 0; attempt < AuthThrottleApiFactory.PerKeyAndAddressLimit; attempt++)
        {
            Envelopes.AssertUnauthorized(await Envelopes.ReadAsync(await ThrottleRequests.ForgedGetAsync(api, address)), apiCode: 1300);
        }
    }

    [Fact]
    public async Task Guessing_many_key_ids_from_one_address_hits_the_per_address_limit_and_other_addresses_are_untouched()
    {
        var guesser = ThrottleRequests.NewAddress();
        for (var attempt = 0; attempt < AuthThrottleApiFactory.PerAddressLimit; attempt++)
        {
            var answer = await ThrottleRequests.ForgedGetAsync(api, guesser, keyId: "guess-" + attempt);
            Envelopes.AssertUnauthorized(await Envelopes.ReadAsync(answer), apiCode: 1300);
        }

        await ThrottleRequests.AssertThrottledAsync(await ThrottleRequests.ForgedGetAsync(api, guesser, keyId: "a-fresh-guess"));
        Envelopes.AssertUnauthorized(await Envelopes.ReadAsync(await ThrottleRequests.ForgedGetAsync(api, ThrottleRequests.NewAddress(), keyId: "a-fresh-guess")), apiCode: 1300);
    }

    [Fact]
    public async Task Forged_management_tokens_count_against_the_address()
    {
        var address = ThrottleRequests.NewAddress();
        var forged = ForeignTokens.Mint("a-guessed-secret-that-is-not-the-key", UserPoolApiFactory.AccessKeyId, api.PoolId);
        async Task<HttpResponseMessage> SendAsync()
        {
            using var http = api.CreateClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, CustomFieldCalls.GetPath + "?targetType=USER");
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + forged);
            request.Headers.TryAddWithoutValidation("x-authing-userpool-id", api.PoolId);
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", address);
            return await http.SendAsync(request);
        }

        for (var attempt = 0; attempt < AuthThrottleApiFactory.PerAddressLimit; attempt++)
        {
            Envelopes.AssertUnauthorized(await Envelopes.ReadAsync(await SendAsync()), apiCode: null);
        }

        await ThrottleRequests.AssertThrottledAsync(await SendAsync());
    }

    [Fact]
    public async Task Wrong_secrets_at_get_management_token_get_429_while_the_owner_elsewhere_gets_a_token()
    {
        var stranger = ThrottleRequests.NewAddress();
        var owner = ThrottleRequests.NewAddress();
        async Task<HttpResponseMessage> LoginAsync(string address, string secret)
        {
            using var http = api.CreateClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v3/get-management-token")
            {
                Content = JsonContent.Create(new { accessKeyId = UserPoolApiFactory.AccessKeyId, accessKeySecret = secret }),
            };
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", address);
            return await http.SendAsync(request);
        }

        for (var attempt = 0; attempt < AuthThrottleApiFactory.PerKeyAndAddressLimit; attempt++)
        {
            Assert.Equal(401, (await Envelopes.ReadAsync(await LoginAsync(stranger, "guess-" + attempt))).StatusCode());
        }

        await ThrottleRequests.AssertThrottledAsync(await LoginAsync(stranger, "one-more-guess"));
        Envelopes.AssertSuccess(await Envelopes.ReadAsync(await LoginAsync(owner, UserPoolApiFactory.AccessKeySecret)));
    }

    [Fact]
    public async Task Forwarded_addresses_from_a_known_proxy_are_separate_clients()
    {
        // Each failure from its own forwarded address: no (key, address) pair reaches its limit.
        for (var attempt = 0; attempt < 2 * AuthThrottleApiFactory.PerKeyAndAddressLimit; attempt++)
        {
            Envelopes.AssertUnauthorized(await Envelopes.ReadAsync(await ThrottleRequests.ForgedGetAsync(api, ThrottleRequests.NewAddress())), apiCode: 1300);
        }
    }

    [Fact]
    public async Task Forged_requests_log_nothing_at_Information_and_health_probes_log_nothing()
    {
        var address = ThrottleRequests.NewAddress();
        var before = api.Logs.Lines.Count;
        for (var attempt = 0; attempt < 3 * AuthThrottleApiFactory.PerKeyAndAddressLimit; attempt++)
        {
            (await ThrottleRequests.ForgedGetAsync(api, address)).Dispose();
        }

        var during = api.Logs.Lines.Skip(before).ToList();
        // The once-a-minute summary may fall into the test; it is one line, not one per request.
        Assert.DoesNotContain(during, l => !l.StartsWith("Debug", StringComparison.Ordinal) && !l.Contains("in the last minute", StringComparison.Ordinal));
        Assert.Equal(AuthThrottleApiFactory.PerKeyAndAddressLimit, during.Count(l => l.StartsWith("Debug", StringComparison.Ordinal) && l.Contains("Failed authentication from " + address, StringComparison.Ordinal)));
        Assert.Contains(during, l => l.StartsWith("Debug", StringComparison.Ordinal) && l.Contains("Refused a request from " + address, StringComparison.Ordinal));

        var beforeProbes = api.Logs.Lines.Count;
        using var http = api.CreateClient();
        foreach (var path in new[] { "/health/live", "/health/ready", "/health/live", "/health/ready" })
        {
            (await http.GetAsync(path)).EnsureSuccessStatusCode();
        }

        Assert.DoesNotContain(api.Logs.Lines.Skip(beforeProbes), l => !l.Contains("in the last minute", StringComparison.Ordinal));
    }
}

/// <summary>Behind a proxy the server does not know, X-Forwarded-For is the client's own claim and is ignored.</summary>
public sealed class UnknownProxyTests(UnknownProxyApiFactory api) : IClassFixture<UnknownProxyApiFactory>
{
    [Fact]
    public async Task Forwarded_addresses_from_an_unknown_proxy_are_ignored_so_a_client_cannot_pick_its_address()
    {
        for (var attempt = 0; attempt < AuthThrottleApiFactory.PerKeyAndAddressLimit; attempt++)
        {
            var answer = await ThrottleRequests.ForgedGetAsync(api, ThrottleRequests.NewAddress());
            Envelopes.AssertUnauthorized(await Envelopes.ReadAsync(answer), apiCode: 1300);
        }

        await ThrottleRequests.AssertThrottledAsync(
            await ThrottleRequests.ForgedGetAsync(api, ThrottleRequests.NewAddress()));
    }
}
