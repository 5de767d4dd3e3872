using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using UserPool.Api.Infrastructure;
using UserPool.Api.Observability;

namespace UserPool.Api.Security;

/// <summary>
/// Per-pool request rate (Authing: 300/s per pool), and per client address on the unauthenticated
/// endpoints. Over the limit: a real HTTP 429 with the envelope, the one status the contract sends as is.
/// </summary>
public static class RateLimits
{
    public const string ThrottledMessage = "您的请求已超过最大数量限制，请稍后重试";

    public static IServiceCollection AddUserPoolRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
            limiter.OnRejected = async (rejected, _) =>
            {
                var context = rejected.HttpContext;
                context.RequestServices.GetRequiredService<UserPoolMetrics>().RateLimitRefused(
                    PoolClaims.UserPoolIdOf(context.User) is null ? Limiters.AddressRequests : Limiters.PoolRequests);
                await ThrottledResult.WriteAsync(rejected.HttpContext, TimeSpan.FromSeconds(1));
            };
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(ApiStatusPages.ApiPrefix))
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }

        var settings = context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
        return PoolClaims.UserPoolIdOf(context.User) is { } pool
            ? PerSecond("pool:" + pool, settings.RateLimitPerSecond)
            : PerSecond("address:" + ClientAddress.Of(context), settings.AnonymousRateLimitPerSecond);
    }

    private static RateLimitPartition<string> PerSecond(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
        });
}
