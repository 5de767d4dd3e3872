using Microsoft.Extensions.DependencyInjection;
using UserPool.Api.Hosting;

namespace UserPool.Api.Tests.Infrastructure;

/// <summary>A second pool with its own key and client, to show one pool's data is invisible to another.</summary>
public sealed record OtherPool(ProvisionedKey Key, SignedClient Client) : IDisposable
{
    public string Id => Key.UserPoolId;

    public void Dispose() => Client.Dispose();
}

public static class OtherPools
{
    /// <summary>A further pool with its first key (key id = pool id, random secret), as the CLI creates one.</summary>
    public static async Task<ProvisionedKey> CreateOtherPoolAsync(this UserPoolApiFactory api, string name = "other")
    {
        using var scope = api.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PoolProvisioner>()
            .CreatePoolAsync(name, null, null, CancellationToken.None);
    }

    /// <summary>A further pool with a client signing as its key.</summary>
    public static async Task<OtherPool> CreateOtherPoolClientAsync(this UserPoolApiFactory api)
    {
        var key = await api.CreateOtherPoolAsync();
        return new OtherPool(key, api.CreateSignedClient(key.AccessKeyId, key.AccessKeySecret));
    }
}
