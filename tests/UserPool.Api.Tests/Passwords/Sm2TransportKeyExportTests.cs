using System.Text.RegularExpressions;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto.EC;
using UserPool.Api.Passwords.Transport;
using UserPool.Api.Tests.Passwords.TestData;

namespace UserPool.Api.Tests.Passwords;

public sealed class Sm2TransportKeyExportTests
{
    // sm2p256v1 group order n.
    private const string CurveOrderHex = "fffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123";

    [Fact]
    public void Sm2Curve_FastImplementationTheKeyUses_HasTheGmStandardParameters()
    {
        var standard = GMNamedCurves.GetByName("sm2p256v1");
        var fast = CustomNamedCurves.GetByName("sm2p256v1");

        Assert.Equal(standard.Curve.Field.Characteristic, fast.Curve.Field.Characteristic);
        Assert.Equal(standard.Curve.A.ToBigInteger(), fast.Curve.A.ToBigInteger());
        Assert.Equal(standard.Curve.B.ToBigInteger(), fast.Curve.B.ToBigInteger());
        Assert.Equal(standard.N, fast.N);
        Assert.Equal(standard.H, fast.H);
        Assert.Equal(standard.G.GetEncoded(false), fast.G.GetEncoded(false));
    }

    [Fact]
    public void Sm2ImportPrivateKeyHex_OfTheVectorKey_DerivesItsPublishedPublicKey()
    {
        var key = Sm2TransportKey.ImportPrivateKeyHex(CryptoVectors.Sm2PrivateKeyHex);

        Assert.Equal(CryptoVectors.Sm2PublicKeyHex, key.PublicKeyHex);
        Assert.Equal(CryptoVectors.Sm2PrivateKeyHex, key.ExportPrivateKeyHex());
    }

    [Fact]
    public void Sm2Generate_PublicKeyHex_Is130LowercaseHexCharsOfAnUncompressedPoint()
    {
        var key = Sm2TransportKey.Generate();

        Assert.Matches(new Regex("^04[0-9a-f]{128}$"), key.PublicKeyHex);
    }

    [Fact]
    public void Sm2ExportImport_BytesAndHexRoundTrips_KeepDecryptingOldCiphertexts()
    {
        var key = Sm2TransportKey.Generate();
        var ciphertext = AuthingClientImitation.Sm2EncryptLikeSmCrypto(key.PublicKeyHex, "survives-restart");

        var fromBytes = Sm2TransportKey.ImportPrivateKey(key.ExportPrivateKey());
        var fromHex = Sm2TransportKey.ImportPrivateKeyHex(key.ExportPrivateKeyHex().ToUpperInvariant());

        Assert.Equal(32, key.ExportPrivateKey().Length);
        foreach (var reloaded in new[] { fromBytes, fromHex })
        {
            Assert.Equal(key.PublicKeyHex, reloaded.PublicKeyHex);
            Assert.True(reloaded.TryDecrypt(ciphertext, out var plaintext));
            Assert.Equal("survives-restart", plaintext);
        }
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")] // zero
    [InlineData("fffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54122")] // n - 1
    [InlineData(CurveOrderHex)] // n
    [InlineData("3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5")] // 31 bytes
    [InlineData("3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5zz")] // not hex
    public void Sm2ImportPrivateKeyHex_ThatIsNotAValidScalar_Throws(string privateKeyHex)
    {
        Assert.Throws<ArgumentException>(() => Sm2TransportKey.ImportPrivateKeyHex(privateKeyHex));
    }

    [Fact]
    public void Sm2ImportPrivateKey_OfTheWrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => Sm2TransportKey.ImportPrivateKey(new byte[33]));
    }
}
