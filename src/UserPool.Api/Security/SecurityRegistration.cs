using Microsoft.AspNetCore.DataProtection;
using UserPool.Api.Data;
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

    /// <summary>Authorization runs the Authing scheme for the endpoints that need it; the limiter then sees the pool.</summary>
    public static WebApplication UseUserPoolSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }
}
