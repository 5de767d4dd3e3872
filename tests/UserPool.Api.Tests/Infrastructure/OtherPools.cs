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
    public static async Task<OtherPool> CreateOtherPoolAsync(this UserPoolApiFactory api)
    {
        using var scope = api.Services.CreateScope();
        var provisioner = scope.ServiceProvider.GetRequiredService<PoolProvisioner>();
        var key = await provisioner.CreatePoolAsync("other", null, null, CancellationToken.None);
        return new OtherPool(key, api.CreateSignedClient(key.AccessKeyId, key.AccessKeySecret));
    }
}
