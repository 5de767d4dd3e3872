using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace UserPool.Api.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the host (it never connects).</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<UserPoolDbContext>
{
    public UserPoolDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<UserPoolDbContext>()
            .UseNpgsql("Host=localhost;Database=userpool_design")
            .UseSnakeCaseNamingConvention()
            .Options);
}
