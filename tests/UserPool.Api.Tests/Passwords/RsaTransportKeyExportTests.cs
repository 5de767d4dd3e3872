using System.Security.Cryptography;
using UserPool.Api.Passwords.Transport;
using UserPool.Api.Tests.Passwords.TestData;

namespace UserPool.Api.Tests.Passwords;

public sealed class RsaTransportKeyExportTests(RsaKeysFixture keys) : IClassFixture<RsaKeysFixture>
{
    [Fact]
    public void RsaGenerate_WithoutASize_Makes1024BitKeyLikeAuthingPublishes()
    {
        Assert.Equal(1024, keys.Key.KeySizeInBits);
        Assert.Equal(128, keys.Key.ModulusLengthInBytes);
        Assert.Equal(117, keys.Key.MaxPlaintextLengthInBytes);
    }

    [Fact]
    public void RsaExportPublicKeyPem_IsSubjectPublicKeyInfoPem()
    {
        var pem = keys.Key.ExportPublicKeyPem();

        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", pem);
        Assert.EndsWith("-----END PUBLIC KEY-----", pem.TrimEnd());
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        Assert.Equal(1024, rsa.KeySize);
    }

    [Fact]
    public void RsaExportPublicKeyPem_OfTheVectorKey_MatchesItsPublishedPem()
    {
        Assert.Equal(CryptoVectors.RsaPublicKeyPem.Trim(), keys.VectorKey.ExportPublicKeyPem().Trim());
    }

    [Fact]
    public void RsaExportImport_Pkcs8RoundTrip_KeepsDecryptingOldCiphertexts()
    {
        var base64 = AuthingClientImitation.RsaEncryptLikeNode(keys.PublicKeyPem, "survives-restart");

        using var reloaded = RsaTransportKey.ImportPkcs8PrivateKey(keys.Key.ExportPkcs8PrivateKey());

        Assert.Equal(keys.PublicKeyPem, reloaded.ExportPublicKeyPem());
        Assert.True(reloaded.TryDecrypt(base64, out var plaintext));
        Assert.Equal("survives-restart", plaintext);
    }

    [Fact]
    public void RsaGenerate_With2048Bits_AllowsLongerPasswords()
    {
        using var key = RsaTransportKey.Generate(2048);
        var password = new RandomPasswords(seed: 2048).Mixed(key.MaxPlaintextLengthInBytes);

        Assert.Equal(245, key.MaxPlaintextLengthInBytes);
        Assert.True(key.TryDecrypt(AuthingClientImitation.RsaEncryptLikeNode(key.ExportPublicKeyPem(), password), out var plaintext));
        Assert.Equal(password, plaintext);
    }

    [Fact]
    public void RsaGenerate_BelowTheMinimumSize_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RsaTransportKey.Generate(512));
    }

    [Fact]
    public void RsaImport_BytesThatAreNotAPkcs8Key_Throws()
    {
        Assert.ThrowsAny<CryptographicException>(() => RsaTransportKey.ImportPkcs8PrivateKey([0x30, 0x03, 0x02, 0x01, 0x00]));
    }

    [Fact]
    public void RsaImport_Pkcs8KeyFollowedByExtraBytes_Throws()
    {
        byte[] padded = [.. keys.Key.ExportPkcs8PrivateKey(), 0x00];

        Assert.ThrowsAny<CryptographicException>(() => RsaTransportKey.ImportPkcs8PrivateKey(padded));
    }
}
