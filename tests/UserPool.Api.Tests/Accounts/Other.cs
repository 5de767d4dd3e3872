using Microsoft.Extensions.DependencyInjection;
using UserPool.Api.Hosting;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Accounts;

/// <summary>A second user pool with its own key, for isolation tests.</summary>
public static class Other
{
    public static async Task<SignedClient> PoolClientAsync(UserPoolApiFactory api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var key = await scope.ServiceProvider.GetRequiredService<PoolProvisioner>().CreatePoolAsync("other", null, null, CancellationToken.None);
        return api.CreateSignedClient(key.AccessKeyId, key.AccessKeySecret);
    }
}
