using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using UserPool.Api.Passwords.Transport;

namespace UserPool.Api.Passwords;

public sealed record PublicKeyInfo(string PublicKey);

public sealed record VersionInfo(string Server, string Console, string Login);

/// <summary>
/// SystemInfoResp, bare as the web and miniapp SDKs read it (body.rsa.publicKey), with a `data` copy for
/// the clients whose READMEs read res.data.data (docs/contract.md §5).
/// </summary>
public sealed record SystemInfo(PublicKeyInfo Rsa, PublicKeyInfo Sm2, VersionInfo Version, IReadOnlyList<string> PublicIps)
{
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public SystemInfo? Data { get; init; }
}

public static class SystemInfoEndpoints
{
    private static readonly string ServerVersion =
        typeof(SystemInfoEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0.0";

    public static RouteGroupBuilder MapSystemInfo(this RouteGroupBuilder api)
    {
        api.MapGet("/system", GetSystemInfo)
            .AllowAnonymous()
            .WithName("getSystemInfo")
            .WithTags("System")
            .WithSummary("Public keys for password transport encryption")
            .WithDescription("The RSA public key (PEM, PKCS#1 v1.5 encryption) and the SM2 public key (130 hex characters) " +
                "a client uses to encrypt passwords sent with passwordEncryptType rsa or sm2. No authentication; no envelope.");
        return api;
    }

    private static Ok<SystemInfo> GetSystemInfo(PasswordTransport transport, IConfiguration configuration)
    {
        var ring = transport.Ring;
        var info = new SystemInfo(
            new PublicKeyInfo(ring.CurrentRsa.ExportPublicKeyPem()),
            new PublicKeyInfo(ring.CurrentSm2.PublicKeyHex),
            new VersionInfo(ServerVersion, ServerVersion, ServerVersion),
            configuration.GetSection("System:PublicIps").Get<string[]>() ?? []);
        return TypedResults.Ok(info with { Data = info });
    }
}
