using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using UserPool.Api.Hosting;
using UserPool.Api.Tests.CustomFields;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Security;

/// <summary>How the other pool's caller presents itself.</summary>
public enum OtherPoolCredential
{
    /// <summary>Node SDK signature with the other pool's key.</summary>
    Signature,

    /// <summary>The same, with a signed x-authing-userpool-id naming the victim: the key decides the pool, not the header.</summary>
    SignatureNamingTheVictimPool,

    /// <summary>The other pool's token, Python headers.</summary>
    PythonToken,

    /// <summary>The other pool's token, Java headers (bare token, unsigned signature headers).</summary>
    JavaToken,

    /// <summary>The other pool's token with x-authing-userpool-id of the victim: refused.</summary>
    TokenNamingTheVictimPool,

    /// <summary>A token minted with the other pool's secret that claims the victim's pool: refused.</summary>
    SelfMintedTokenClaimingTheVictimPool,
}

/// <summary>
/// A key of one pool can never read or change another pool's data, whatever credential form it uses. Every probe
/// of <see cref="PoolIsolationMatrix.Probes"/> (one per endpoint use) runs with every <see cref="OtherPoolCredential"/>.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class PoolIsolationTests(UserPoolApiFactory api) : IAsyncLifetime
{
    private ProvisionedKey _other = null!;
    private IReadOnlyDictionary<string, string> _victimIds = null!;

    /// <summary>The victim's seed per database: the probes never change it (that is what they check), so it is kept
    /// from one case to the next unless another test class reset the data in between.</summary>
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> VictimIdsByDatabase = new();

    public async Task InitializeAsync()
    {
        _other = await api.CreateOtherPoolAsync("other " + Guid.NewGuid().ToString("N")[..8]);
        if (VictimIdsByDatabase.TryGetValue(api.ConnectionString, out var ids)
            && await PoolIsolationMatrix.SnapshotAsync(api.ConnectionString, api.PoolId) is var snapshot
            && snapshot.Contains(PoolIsolationMatrix.VictimMarker, StringComparison.Ordinal)
            && snapshot.Contains(ids[PoolIsolationMatrix.VictimIdempotentAccountId], StringComparison.Ordinal))
        {
            _victimIds = ids;
            return;
        }

        await api.ResetAsync();
        _victimIds = await PoolIsolationMatrix.SeedVictimAsync(async seed => await Envelopes.ReadAsync(await api.SendSignedAsync(seed)));
        VictimIdsByDatabase[api.ConnectionString] = _victimIds;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, OtherPoolCredential> Matrix()
    {
        var data = new TheoryData<string, OtherPoolCredential>();
        foreach (var probe in PoolIsolationMatrix.Probes)
        {
            foreach (var credential in Enum.GetValues<OtherPoolCredential>())
            {
                data.Add(probe.Name, credential);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Another_pools_caller_neither_sees_nor_changes_the_victims_data(string probeName, OtherPoolCredential credential)
    {
        var probe = PoolIsolationMatrix.Probe(probeName).Resolve(_victimIds);
        var before = await PoolIsolationMatrix.SnapshotAsync(api.ConnectionString, api.PoolId);
        Assert.Contains(PoolIsolationMatrix.VictimMarker, before);

        var (response, text) = await SendAsync(probe, credential);

        Assert.DoesNotContain(PoolIsolationMatrix.VictimMarker, text);
        Assert.DoesNotContain(api.PoolId, text);
        Assert.DoesNotContain(_victimIds[PoolIsolationMatrix.VictimIdempotentAccountId], text);
        Assert.False(response.Headers.Contains("Idempotent-Replayed"), "the victim's stored answer was replayed to another pool");
        var envelope = await Envelopes.ReadAsync(response);
        if (credential is OtherPoolCredential.TokenNamingTheVictimPool or OtherPoolCredential.SelfMintedTokenClaimingTheVictimPool)
        {
            Envelopes.AssertUnauthorized(envelope, apiCode: null);
        }
        else
        {
            // The call ran, in the caller's own pool, where it sees nothing of the victim's: the probe is not vacuous.
            Assert.True(envelope.StatusCode() == probe.Expected, $"expected {probe.Expected}: {text}");
            if (probe.ExpectedData is { } data)
            {
                Assert.Equal(data, envelope["data"]?.ToJsonString());
            }
        }

        Assert.Equal(before, await PoolIsolationMatrix.SnapshotAsync(api.ConnectionString, api.PoolId));
    }

    [Fact]
    public async Task The_other_pool_sees_and_changes_only_its_own_data()
    {
        // A write probe run by the other pool lands in the other pool.
        var (response, _) = await SendAsync(PoolIsolationMatrix.Probe("relabel the victim's custom field"), OtherPoolCredential.Signature);
        Envelopes.AssertSuccess(await Envelopes.ReadAsync(response));

        var theirs = Assert.Single(await api.StoredAsync(_other.UserPoolId));
        Assert.Equal("taken over", theirs.Label);
        Assert.All(await api.StoredAsync(), mine => Assert.Equal(PoolIsolationMatrix.VictimMarker, mine.Label));
    }

    private async Task<(HttpResponseMessage Response, string Text)> SendAsync(PoolProbe probe, OtherPoolCredential credential)
    {
        using var http = api.CreateClient();
        HttpRequestMessage message;
        switch (credential)
        {
            case OtherPoolCredential.Signature:
            case OtherPoolCredential.SignatureNamingTheVictimPool:
                var signed = probe.Method == HttpMethod.Get
                    ? NodeSdkRequest.Get(probe.Path, probe.Query)
                    : NodeSdkRequest.Post(probe.Path, (JsonObject)probe.Body!.DeepClone());
                if (credential == OtherPoolCredential.SignatureNamingTheVictimPool)
                {
                    signed.Headers["x-authing-userpool-id"] = api.PoolId;
                }

                message = signed.Sign(_other.AccessKeyId, _other.AccessKeySecret);
                break;
            case OtherPoolCredential.SelfMintedTokenClaimingTheVictimPool:
                message = TokenRequest(probe, ForeignTokens.Mint(_other.AccessKeySecret, _other.AccessKeyId, api.PoolId), api.PoolId);
                break;
            default:
                using (var client = await api.LoggedInTokenClientAsync(
                    credential == OtherPoolCredential.JavaToken ? TokenSdk.Java : TokenSdk.Python, _other.AccessKeyId, _other.AccessKeySecret))
                {
                    Assert.Equal(_other.UserPoolId, client.PoolId);
                    if (credential == OtherPoolCredential.TokenNamingTheVictimPool)
                    {
                        client.PoolId = api.PoolId;
                    }

                    message = client.Build(probe.Method, PathAndQuery(probe), (JsonObject?)probe.Body?.DeepClone());
                }

                break;
        }

        foreach (var (name, value) in probe.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        using (message)
        {
            var response = await http.SendAsync(message);
            await response.Content.LoadIntoBufferAsync();
            return (response, await response.Content.ReadAsStringAsync());
        }
    }

    private static HttpRequestMessage TokenRequest(PoolProbe probe, string token, string poolHeader)
    {
        var message = new HttpRequestMessage(probe.Method, PathAndQuery(probe));
        message.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        message.Headers.TryAddWithoutValidation("x-authing-userpool-id", poolHeader);
        if (probe.Body is not null)
        {
            message.Content = new StringContent(probe.Body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return message;
    }

    private static string PathAndQuery(PoolProbe probe) => probe.Query.Length == 0
        ? probe.Path
        : probe.Path + "?" + string.Join("&", probe.Query.Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value)));
}
