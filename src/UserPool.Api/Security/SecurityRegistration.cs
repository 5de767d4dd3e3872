using Microsoft.AspNetCore.DataProtection;
using UserPool.Api.Data;
using UserPool.Api.Infrastructure;
using UserPool.Api.Security.KeyRing;
using UserPool.Api.Security.Tokens;

namespace UserPool.Api.Security;

public static class SecurityRegistration
{
    public const string PoolPolicy = "pool";

    public static WebApplicationBuilder AddUserPoolSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // The key ring lives in the database so every instance (and every restart) can read every secret.
        services.AddDataProtection().SetApplicationName("UserPool").PersistKeysToDbContext<UserPoolDbContext>()
            .ProtectKeysAsConfigured(builder.Configuration);
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddMemoryCache();
        services.AddSingleton<SecretProtector>();
        services.AddSingleton<AccessKeyStore>();
        services.AddSingleton<AccessKeyUsage>();
        services.AddOptions<FailedAuthenticationOptions>().BindConfiguration(FailedAuthenticationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FailedAuthentications>();
        services.AddHostedService<FailedAuthenticationReporter>();
        // The base handler writes two Information lines per failed request (not authenticated, challenged): anyone
        // could fill the disk with forged requests. FailedAuthentications logs them at Debug and once a minute in sum.
        builder.Logging.AddFilter(typeof(AuthingAuthenticationHandler).FullName, LogLevel.Warning);
        builder.AddUserPoolForwardedHeaders();
        services.AddSingleton<NonceStore>();
        services.AddHostedService<NoncePruner>();
        services.AddSingleton<ManagementTokenIssuer>();
        services.AddSingleton<ManagementTokenValidator>();
        services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, AuthingAuthenticationHandler>(
                AuthingAuthenticationHandler.SchemeName, configureOptions: null);
        services.AddAuthorizationBuilder().AddPolicy(PoolPolicy, policy => policy
            .AddAuthenticationSchemes(AuthingAuthenticationHandler.SchemeName)
            .RequireClaim(PoolClaims.UserPoolId));
        services.AddUserPoolRateLimits();
        return builder;
    }

    /// <summary>
    /// What every request goes through first: the client address from trusted proxies, the security headers, and
    /// one slash where a path had several.
    /// </summary>
    public static WebApplication UseUserPoolEdge(this WebApplication app)
    {
        app.UseUserPoolForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseSingleSlashPaths();
        return app;
    }

    /// <summary>Authorization runs the Authing scheme for the endpoints that need it; the limiter then sees the pool.</summary>
    public static WebApplication UseUserPoolSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }
}
