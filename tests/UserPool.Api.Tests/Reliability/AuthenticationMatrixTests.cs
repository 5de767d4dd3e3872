using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using UserPool.Api.Hosting;
using UserPool.Api.Tests.Infrastructure;
using UserPool.Api.Tests.Reliability.Support;
using UserPool.Api.Tests.Security;
using Xunit.Abstractions;

namespace UserPool.Api.Tests.Reliability;

/// <summary>How a request's credentials are wrong.</summary>
public enum Forgery
{
    NoCredentials,
    SignatureWithAWrongSecret,
    SignatureOfAnUnknownKey,
    SignatureOverAnotherRequest,
    SignatureWithAStaleDate,
    ReplayedSignature,
    TokenSignedWithAnotherSecret,
    TokenWithAlgNone,
    ExpiredToken,
    TokenWithATamperedPayload,
    GarbageToken,
    TokenWithoutThePoolHeader,
    TokenWithAnotherPoolHeader,
    AnotherPoolsTokenNamingThisPool,
    TokenMintedWithAnotherPoolsSecretClaimingThisPool,
}

/// <summary>
/// Every endpoint that needs credentials, with every kind of forged, expired, replayed or cross-pool credential:
/// each request is otherwise one the endpoint accepts (its template), each is refused with a 401 envelope, and
/// the database is unchanged (request_nonces aside: a genuine signature records its nonce).
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class AuthenticationMatrixTests(HostileApiFactory api, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(20);
    private SeededData _seeded = null!;
    private Caller _caller = null!;
    private ProvisionedKey _other = null!;
    private string _otherToken = null!;
    private DatabaseFingerprint _fingerprint = null!;
    private long _number;

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        using var client = api.CreateSignedClient();
        _seeded = await ApiCatalog.SeedAsync(client, api.PoolId, UserPoolApiFactory.AccessKeyId, UserPoolApiFactory.AccessKeySecret);
        using var token = await api.LoggedInTokenClientAsync(TokenSdk.Python);
        _caller = new Caller(_seeded.AccessKeyId, _seeded.AccessKeySecret, api.PoolId, token.Token!);
        _other = await api.CreateOtherPoolAsync("other " + Guid.NewGuid().ToString("N")[..8]);
        using var otherToken = await api.LoggedInTokenClientAsync(TokenSdk.Python, _other.AccessKeyId, _other.AccessKeySecret);
        _otherToken = otherToken.Token!;
        _fingerprint = new DatabaseFingerprint(api.ConnectionString);
    }

    public async Task DisposeAsync() => await _fingerprint.DisposeAsync();

    [Fact]
    public async Task Every_forged_expired_replayed_or_cross_pool_credential_is_refused_on_every_endpoint_and_changes_nothing()
    {
        var endpoints = ApiCatalog.Endpoints.Where(e => e.NeedsCredentials).ToList();
        var failures = new List<string>();
        var refused = 0;
        foreach (var endpoint in endpoints)
        {
            foreach (var forgery in Enum.GetValues<Forgery>())
            {
                var (request, replayOf) = Forge(endpoint, forgery);
                if (replayOf is not null)
                {
                    // The genuine request first: accepted once; the same bytes again are the replay.
                    var first = await RawHttp.SendAsync(api.ServerUri, replayOf, AnswerBound);
                    if (AnswerRules.Check(endpoint, first, () => $"{endpoint} genuine before replay") != 200)
                    {
                        failures.Add($"{endpoint} {forgery}: the genuine request was not accepted: {first.Text}");
                    }
                }

                var before = await _fingerprint.TakeAsync();
                var response = await RawHttp.SendAsync(api.ServerUri, request, AnswerBound);
                var changed = DatabaseFingerprint.Difference(before, await _fingerprint.TakeAsync());
                try
                {
                    var statusCode = AnswerRules.Check(endpoint, response, () => $"{endpoint} {forgery}");
                    Assert.True(statusCode == 401, $"answered {statusCode}: {response.Text}");
                    Assert.True(changed.Length == 0, "the database changed: " + changed);
                    refused++;
                }
                catch (Exception exception) when (exception is Xunit.Sdk.XunitException)
                {
                    failures.Add($"{endpoint} {forgery}: {exception.Message}");
                }
            }
        }

        output.WriteLine($"authentication matrix: {endpoints.Count} endpoints x {Enum.GetValues<Forgery>().Length} forgeries = " +
            $"{endpoints.Count * Enum.GetValues<Forgery>().Length} requests; refused with 401 and nothing changed: {refused}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("wrong secret")]
    [InlineData("unknown key")]
    [InlineData("other pool's key with this pool's secret")]
    [InlineData("empty secret")]
    public async Task The_token_endpoint_refuses_a_wrong_key_or_secret_with_401(string what)
    {
        var (id, secret) = what switch
        {
            "wrong secret" => (_seeded.AccessKeyId, _seeded.AccessKeySecret + "x"),
            "unknown key" => ("no-such-key", _seeded.AccessKeySecret),
            "other pool's key with this pool's secret" => (_other.AccessKeyId, _seeded.AccessKeySecret),
            _ => (_seeded.AccessKeyId, ""),
        };
        var body = Encoding.UTF8.GetBytes(new JsonObject { ["accessKeyId"] = id, ["accessKeySecret"] = secret }.ToJsonString());
        var endpoint = ApiCatalog.Endpoint("get-management-token");

        var response = await RawHttp.SendAsync(api.ServerUri,
            new RawRequest("POST", endpoint.Path, [new("Content-Type", "application/json")], body), AnswerBound);

        Assert.Equal(401, AnswerRules.Check(endpoint, response, () => what));
        Assert.DoesNotContain("access_token", response.Text);
    }

    /// <summary>The request (and, for a replay, the genuine request it repeats).</summary>
    private (RawRequest Request, RawRequest? ReplayOf) Forge(ApiEndpoint endpoint, Forgery forgery)
    {
        var number = Interlocked.Increment(ref _number);
        var target = endpoint.Path;
        byte[]? body = null;
        if (endpoint.Method == HttpMethod.Get)
        {
            target += "?" + string.Join("&", endpoint.Query!(_seeded).Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value)));
        }
        else
        {
            body = Encoding.UTF8.GetBytes(ApiCatalog.Fill(endpoint.Body!(_seeded).ToJsonString(), "auth", number));
        }

        var method = endpoint.Method.Method;
        List<KeyValuePair<string, string>> Signed(string? secret = null, string? keyId = null, DateTimeOffset? date = null) =>
            _caller.SignatureHeaders(method, target, body, secret: secret, keyId: keyId, date: date);
        List<KeyValuePair<string, string>> Token(string token, string? pool) => pool is null
            ? [new("Authorization", "Bearer " + token)]
            : [new("Authorization", "Bearer " + token), new("x-authing-userpool-id", pool)];
        RawRequest Request(List<KeyValuePair<string, string>> headers, string? sentTarget = null, byte[]? sentBody = null)
        {
            if (body is not null)
            {
                headers.Add(new("Content-Type", "application/json"));
            }

            return new RawRequest(method, sentTarget ?? target, headers, sentBody ?? body);
        }

        var ownKey = ForeignTokens.KeyFor(_seeded.AccessKeySecret, _seeded.AccessKeyId);
        switch (forgery)
        {
            case Forgery.NoCredentials:
                return (Request([]), null);
            case Forgery.SignatureWithAWrongSecret:
                return (Request(Signed(secret: _seeded.AccessKeySecret + "x")), null);
            case Forgery.SignatureOfAnUnknownKey:
                return (Request(Signed(keyId: "no-such-access-key")), null);
            case Forgery.SignatureOverAnotherRequest:
                // Signed as sent, then changed on the way: one more query parameter, or one more body member.
                return body is null
                    ? (Request(Signed(), sentTarget: target + "&tampered=1"), null)
                    : (Request(Signed(), sentBody: Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body)[..^1] + ",\"tampered\":true}")), null);
            case Forgery.SignatureWithAStaleDate:
                return (Request(Signed(date: DateTimeOffset.UtcNow.AddMinutes(-20))), null);
            case Forgery.ReplayedSignature:
                var genuine = Request(Signed());
                return (genuine, genuine);
            case Forgery.TokenSignedWithAnotherSecret:
                return (Request(Token(ForeignTokens.Mint("not-the-secret-0123456789", _seeded.AccessKeyId, api.PoolId), api.PoolId)), null);
            case Forgery.TokenWithAlgNone:
                var parts = _caller.Token.Split('.');
                var none = Base64UrlEncoder.Encode($$"""{"alg":"none","kid":"{{_seeded.AccessKeyId}}","typ":"JWT"}""");
                return (Request(Token($"{none}.{parts[1]}.", api.PoolId)), null);
            case Forgery.ExpiredToken:
                return (Request(Token(ForeignTokens.Mint(ownKey, api.PoolId, DateTimeOffset.UtcNow.AddHours(-3), TimeSpan.FromHours(2)), api.PoolId)), null);
            case Forgery.TokenWithATamperedPayload:
                var genuineParts = _caller.Token.Split('.');
                var payload = JsonNode.Parse(Base64UrlEncoder.Decode(genuineParts[1]))!.AsObject();
                payload["exp"] = (long)payload["exp"]! + 86_400;
                return (Request(Token($"{genuineParts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{genuineParts[2]}", api.PoolId)), null);
            case Forgery.GarbageToken:
                return (Request(Token("x.y.z", api.PoolId)), null);
            case Forgery.TokenWithoutThePoolHeader:
                return (Request(Token(_caller.Token, null)), null);
            case Forgery.TokenWithAnotherPoolHeader:
                return (Request(Token(_caller.Token, _other.UserPoolId)), null);
            case Forgery.AnotherPoolsTokenNamingThisPool:
                return (Request(Token(_otherToken, api.PoolId)), null);
            default:
                return (Request(Token(ForeignTokens.Mint(_other.AccessKeySecret, _other.AccessKeyId, api.PoolId), api.PoolId)), null);
        }
    }
}
