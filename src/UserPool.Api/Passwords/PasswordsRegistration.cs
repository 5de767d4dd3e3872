using UserPool.Api.Passwords.Transport;

namespace UserPool.Api.Passwords;

public static class PasswordsRegistration
{
    public static WebApplicationBuilder AddUserPoolPasswords(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PasswordOptions>().BindConfiguration(PasswordOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TransportKeyOptions>().BindConfiguration(TransportKeyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PasswordHashingPool>();
        services.AddHealthChecks().AddCheck<HashingHealthCheck>("hashing", tags: ["ready"]);
        services.AddSingleton<PasswordTransport>();
        services.AddScoped<TransportKeyStore>();
        services.AddHostedService<TransportKeyRefresher>();
        return builder;
    }
}
