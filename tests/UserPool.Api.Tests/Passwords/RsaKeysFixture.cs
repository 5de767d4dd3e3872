using System.Security.Cryptography;
using UserPool.Api.Passwords.Transport;
using UserPool.Api.Tests.Passwords.TestData;

namespace UserPool.Api.Tests.Passwords;

/// <summary>Keys shared by a test class: RSA key generation is the slow part, so it happens once.</summary>
public sealed class RsaKeysFixture : IDisposable
{
    public RsaTransportKey Key { get; } = RsaTransportKey.Generate();

    public RsaTransportKey OtherKey { get; } = RsaTransportKey.Generate();

    public RsaTransportKey VectorKey { get; } = RsaTransportKey.ImportPkcs8PrivateKey(VectorPkcs8());

    public string PublicKeyPem => Key.ExportPublicKeyPem();

    public static byte[] VectorPkcs8()
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(CryptoVectors.RsaPrivateKeyPkcs8Pem);
        return rsa.ExportPkcs8PrivateKey();
    }

    public void Dispose()
    {
        Key.Dispose();
        OtherKey.Dispose();
        VectorKey.Dispose();
    }
}
