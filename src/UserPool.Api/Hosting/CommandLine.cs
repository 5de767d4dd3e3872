namespace UserPool.Api.Hosting;

/// <summary>
/// Administrative verbs run against the configured database instead of serving HTTP:
/// <c>pools create --name acme</c>, <c>keys create --pool &lt;userPoolId&gt;</c> and the verbs of <see cref="KeyCommands"/>.
/// </summary>
public static class CommandLine
{
    private const string Usage = """
        usage:
          pools create --name <name>      create a user pool and its first access key
          keys create --pool <poolId>     create another access key for a pool
          accounts check-keys             list accounts whose e-mail/username/phone keys collide or are
                                          refused under the current key rules, and what to do
          transport-keys rotate           replace the RSA and SM2 password transport keys (old ones
                                          keep decrypting for TransportKeys:RotationGraceHours)
        """;

    public static bool IsCommand(string[] args) => args is ["pools" or "keys" or "transport-keys" or "accounts" or "help", ..];

    /// <summary>
    /// A first word that is neither a verb nor a configuration argument (<c>--key value</c>, <c>--key=value</c>,
    /// <c>key=value</c>, <c>/key value</c>) is a mistyped command. It must be refused before the host is built:
    /// building it may start a private PostgreSQL, and running it would serve HTTP.
    /// </summary>
    public static bool IsUnknownVerb(string[] args) =>
        args is [var first, ..] && !IsCommand(args) && !first.StartsWith("--", StringComparison.Ordinal)
        && !first.StartsWith('/') && !first.Contains('=');

    public static int RefuseUnknownVerb(string[] args)
    {
        Console.Error.WriteLine($"unknown command \"{args[0]}\"");
        Console.Error.WriteLine(FullUsage);
        return 2;
    }

    /// <summary>Every verb, the key lifecycle's included, as printed whenever a command is not understood.</summary>
    private static string FullUsage => Usage + Environment.NewLine + KeyCommands.Usage;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var ct = app.Lifetime.ApplicationStopping;
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        await using var scope = app.Services.CreateAsyncScope();
        var provisioner = scope.ServiceProvider.GetRequiredService<PoolProvisioner>();
        try
        {
            if (args is ["accounts", "check-keys"])
            {
                return await Accounts.Keys.CheckKeysCommand.RunAsync(scope.ServiceProvider, Console.Out, ct);
            }

            if (args is ["transport-keys", "rotate"])
            {
                await scope.ServiceProvider.GetRequiredService<Passwords.Transport.TransportKeyStore>().RotateAsync(ct);
                Console.WriteLine("Rotated the RSA and SM2 transport keys; running servers pick them up within TransportKeys:RefreshSeconds.");
                return 0;
            }

            if (await KeyCommands.TryRunAsync(scope.ServiceProvider, args, ct) is { } keyVerbExit)
            {
                return keyVerbExit;
            }

            ProvisionedKey? key = args switch
            {
                ["pools", "create", "--name", var name] when !string.IsNullOrWhiteSpace(name) =>
                    await provisioner.CreatePoolAsync(name.Trim(), keyId: null, secret: null, ct),
                ["keys", "create", "--pool", var poolId] => await provisioner.CreateKeyAsync(poolId, ct),
                _ => null,
            };
            if (key is null)
            {
                Console.Error.WriteLine(FullUsage);
                return 2;
            }

            Console.WriteLine($"userPoolId      {key.UserPoolId}");
            Console.WriteLine($"accessKeyId     {key.AccessKeyId}");
            Console.WriteLine($"accessKeySecret {key.AccessKeySecret}");
            return 0;
        }
        catch (InvalidOperationException error)
        {
            Console.Error.WriteLine(error.Message);
            return 1;
        }
        finally
        {
            // No hosted service ran, so stop a private PostgreSQL this verb started itself.
            if (app.Services.GetService<LocalPostgres.LocalPostgresCluster>() is { } cluster)
            {
                await cluster.StopAsync(CancellationToken.None);
            }
        }
    }
}
