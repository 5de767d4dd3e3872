using Microsoft.AspNetCore.DataProtection;
using UserPool.Api.Data;

namespace UserPool.Api.Security;

public static class SecurityRegistration
{
    public static WebApplicationBuilder AddUserPoolSecurity(this WebApplicationBuilder builder)
    {
        // The key ring lives in the database so every instance (and every restart) can read every secret.
        builder.Services.AddDataProtection()
            .SetApplicationName("UserPool")
            .PersistKeysToDbContext<UserPoolDbContext>();
        builder.Services.AddSingleton<SecretProtector>();
        return builder;
    }
}
