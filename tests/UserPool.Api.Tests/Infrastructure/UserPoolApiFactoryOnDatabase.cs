using Microsoft.AspNetCore.Hosting;

namespace UserPool.Api.Tests.Infrastructure;

/// <summary>A second, separately started server on an existing test database: a restart, or another instance.</summary>
public sealed class UserPoolApiFactoryOnDatabase(string connectionString) : UserPoolApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:UserPool", connectionString);
    }
}
