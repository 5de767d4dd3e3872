using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UserPool.Api.Data;

namespace UserPool.Api.Hosting;

/// <summary>
/// On an empty database, creates the first pool and key. A random secret is printed once to the console
/// (stdout, not the logger, so it never reaches a log sink) and is unrecoverable afterwards.
/// </summary>
public sealed class FirstPoolBootstrap(
    IServiceScopeFactory scopes, IOptions<BootstrapOptions> options, IHostEnvironment environment, ILogger<FirstPoolBootstrap> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UserPoolDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Several instances may start together on one empty database; only one may bootstrap.
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(727001)", ct);
        if (await db.Pools.AnyAsync(ct))
        {
            return;
        }

        var settings = options.Value;
        var configuredSecret = string.IsNullOrEmpty(settings.AccessKeySecret) ? null : settings.AccessKeySecret;
        if (configuredSecret is { Length: < BootstrapOptions.MinProductionSecretLength } && environment.IsProduction())
        {
            // Refused before anything is written: the server does not start, and nothing needs undoing.
            throw new InvalidOperationException(
                $"Bootstrap:AccessKeySecret is {configuredSecret.Length} characters; in Production it must have at least " +
                $"{BootstrapOptions.MinProductionSecretLength}. Set a longer one, or leave it empty and the server generates one and prints it once.");
        }

        var configuredKeyId = string.IsNullOrEmpty(settings.AccessKeyId) ? null : settings.AccessKeyId;
        var provisioner = scope.ServiceProvider.GetRequiredService<PoolProvisioner>();
        var key = await provisioner.CreatePoolAsync(settings.PoolName, configuredKeyId, configuredSecret, ct);
        await transaction.CommitAsync(ct);

        logger.LogInformation("Created the first user pool {UserPoolId} with access key {AccessKeyId}", key.UserPoolId, key.AccessKeyId);
        Console.WriteLine();
        Console.WriteLine("  UserPool: first user pool created");
        Console.WriteLine($"  userPoolId      {key.UserPoolId}");
        Console.WriteLine($"  accessKeyId     {key.AccessKeyId}");
        Console.WriteLine(configuredSecret is null
            ? $"  accessKeySecret {key.AccessKeySecret}   (shown once; store it now)"
            : "  accessKeySecret (from configuration: Bootstrap:AccessKeySecret)");
        Console.WriteLine();
    }
}
