using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using UserPool.Api.Security;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Security;

/// <summary>
/// The Data Protection key ring in data_protection_keys is encrypted with a configured certificate (a self-signed
/// one made here), secrets written by one server are read by the next, and the start-up log says which protection
/// is in force.
/// </summary>
public sealed class KeyRingProtectionTests : IDisposable
{
    private const string LogPrefix = "Data Protection key ring (encrypts stored secrets): ";
    private readonly string _directory = Directory.CreateTempSubdirectory("userpool-keyring-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task WithACertificateFile_TheStoredKeyRingIsEncrypted_SecretsSurviveARestart_AndTheLogNamesTheCertificate()
    {
        var (path, password, thumbprint) = WriteSelfSignedCertificate();
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = path,
            ["DataProtection:CertificatePassword"] = password,
        };
        string protectedSecret;
        var logs = new CapturedLogs();
        await using (var first = new KeyRingApiFactory(connectionString, settings, logs))
        {
            protectedSecret = first.Services.GetRequiredService<SecretProtector>().Protect("a secret at rest");
        }

        var keys = await StoredKeysAsync(connectionString);
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedSecret", xml);
            Assert.Contains("EncryptedData", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });
        var line = Assert.Single(logs.Lines, l => l.Contains(LogPrefix));
        Assert.Contains($"new keys are encrypted with the certificate CN=UserPool key ring test (thumbprint {thumbprint}", line);
        Assert.Contains($"from the file {path}", line);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("No XML encryptor configured"));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(password));

        await using var restarted = new KeyRingApiFactory(connectionString, settings, new CapturedLogs());
        Assert.Equal("a secret at rest", restarted.Services.GetRequiredService<SecretProtector>().Unprotect(protectedSecret));
        using var client = restarted.CreateSignedClient(); // the bootstrap key's secret is stored protected too
        Assert.Equal(200, (int)(await client.GetEnvelopeAsync("/api/v3/get-custom-fields?targetType=USER"))["statusCode"]!);
    }

    [Fact]
    public async Task WithoutACertificate_TheLogSaysTheKeyRingIsStoredUnencrypted()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var logs = new CapturedLogs();
        await using (var server = new KeyRingApiFactory(connectionString, new Dictionary<string, string?>(), logs))
        {
            server.Services.GetRequiredService<SecretProtector>().Protect("a secret at rest");
        }

        var line = Assert.Single(logs.Lines, l => l.Contains(LogPrefix));
        Assert.Contains(LogPrefix + "stored UNENCRYPTED in the database table data_protection_keys", line);
        Assert.All(await StoredKeysAsync(connectionString), xml => Assert.Contains("<masterKey", xml));
    }

    /// <summary>A self-signed RSA certificate with its private key, written as a password-protected .pfx.</summary>
    private (string Path, string Password, string Thumbprint) WriteSelfSignedCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=UserPool key ring test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var path = Path.Combine(_directory, "keyring.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return (path, password, certificate.Thumbprint);
    }

    private static async Task<List<string>> StoredKeysAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    /// <summary>A server on the given database with extra settings and every log line captured.</summary>
    private sealed class KeyRingApiFactory(string connectionString, IReadOnlyDictionary<string, string?> settings, CapturedLogs logs)
        : UserPoolApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings =>
            new Dictionary<string, string?>(settings) { ["ConnectionStrings:UserPool"] = connectionString };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(logs).AddFilter<CapturedLogs>(null, LogLevel.Trace));
        }
    }
}
