using System.Security.Cryptography;
using System.Text;
using UserPool.Api.Passwords.Transport;

namespace UserPool.Api.Tests.Passwords;

public sealed class RsaDecryptRefusalTests(RsaKeysFixture keys) : IClassFixture<RsaKeysFixture>
{
    [Fact]
    public void RsaEncrypt_PlaintextOf118Bytes_CannotBeProducedByAClient()
    {
        // jsencrypt likewise refuses ("Message too long for RSA") and sends nothing usable.
        var password = new RandomPasswords(seed: 118).Mixed(keys.Key.MaxPlaintextLengthInBytes + 1);

        Assert.ThrowsAny<CryptographicException>(() =>
            AuthingClientImitation.RsaEncryptBlock(keys.PublicKeyPem, Encoding.UTF8.GetBytes(password)));
    }

    [Fact]
    public void RsaDecrypt_TwoBlocksOfASplitOverLongPassword_AreReportedTooLong()
    {
        // Chunking clients ("encryptLong") concatenate one block per 117 bytes: longer than the modulus.
        var first = AuthingClientImitation.RsaEncryptBlock(keys.PublicKeyPem, new byte[117]);
        var second = AuthingClientImitation.RsaEncryptBlock(keys.PublicKeyPem, new byte[3]);
        var twoBlocks = Convert.ToBase64String([.. first, .. second]);

        Assert.Equal(TransportDecryptStatus.TooLong, keys.Key.Decrypt(twoBlocks).Status);
        Assert.False(keys.Key.TryDecrypt(twoBlocks, out _));
    }

    [Fact]
    public void RsaDecrypt_ValidBlockWithAnExtraLeadingZeroByte_IsReportedTooLong()
    {
        var block = AuthingClientImitation.RsaEncryptBlock(keys.PublicKeyPem, "pw"u8.ToArray());

        Assert.Equal(TransportDecryptStatus.TooLong, keys.Key.Decrypt(Convert.ToBase64String([0, .. block])).Status);
    }

    [Theory]
    [InlineData(0, 0x80)]
    [InlineData(1, 0x01)]
    [InlineData(64, 0x10)]
    [InlineData(127, 0x01)]
    public void RsaDecrypt_CiphertextWithOneBitFlipped_IsRefused(int byteIndex, byte bit)
    {
        var block = AuthingClientImitation.RsaEncryptBlock(keys.PublicKeyPem, "tamper-me"u8.ToArray());
        block[byteIndex] ^= bit;

        AssertUndecryptable(Convert.ToBase64String(block));
    }

    [Fact]
    public void RsaDecrypt_TruncatedCiphertext_IsRefused()
    {
        var block = AuthingClientImitation.RsaEncryptBlock(keys.PublicKeyPem, "truncate-me"u8.ToArray());
        var base64 = Convert.ToBase64String(block);

        AssertUndecryptable(Convert.ToBase64String(block[..^1]));
        AssertUndecryptable(Convert.ToBase64String(block[..64]));
        AssertUndecryptable(base64[..^4]);
        AssertUndecryptable(base64[..^1]);
    }

    [Fact]
    public void RsaDecrypt_CiphertextForAnotherKey_IsRefused()
    {
        var base64 = AuthingClientImitation.RsaEncryptLikeNode(keys.OtherKey.ExportPublicKeyPem(), "not-for-you");

        AssertUndecryptable(base64);
    }

    [Fact]
    public void RsaDecrypt_CiphertextIntegerNotBelowTheModulus_IsRefused()
    {
        AssertUndecryptable(Convert.ToBase64String(Enumerable.Repeat((byte)0xFF, keys.Key.ModulusLengthInBytes).ToArray()));
    }

    [Fact]
    public void RsaDecrypt_PlaintextThatIsNotUtf8_IsRefused()
    {
        var block = AuthingClientImitation.RsaEncryptBlock(keys.PublicKeyPem, [0x70, 0xFF, 0xFE, 0x77]);

        AssertUndecryptable(Convert.ToBase64String(block));
    }

    [Fact]
    public void RsaDecrypt_LoneSurrogateFromJsencrypt_IsRefused()
    {
        var block = AuthingClientImitation.RsaEncryptBlock(keys.PublicKeyPem, AuthingClientImitation.EncodeLikeJsencrypt("pw\uD83D"));

        AssertUndecryptable(Convert.ToBase64String(block));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not base64 at all!")]
    [InlineData("AAAA-_-_")] // URL-safe alphabet is not what jsencrypt emits
    [InlineData("QUJD\u00A0REVG")] // only ASCII whitespace is tolerated
    public void RsaDecrypt_MalformedInput_IsRefusedWithoutThrowing(string? input)
    {
        AssertUndecryptable(input);
    }

    [Fact]
    public void RsaDecrypt_Base64WithoutItsPadding_IsRefused()
    {
        var block = AuthingClientImitation.RsaEncryptBlock(keys.PublicKeyPem, "pw"u8.ToArray());
        var base64 = Convert.ToBase64String(block);
        Assert.EndsWith("=", base64); // 128 bytes always need padding

        AssertUndecryptable(base64.TrimEnd('='));
    }

    private void AssertUndecryptable(string? input)
    {
        var result = keys.Key.Decrypt(input);

        Assert.Equal(TransportDecryptStatus.Undecryptable, result.Status);
        Assert.Null(result.Plaintext);
        Assert.False(keys.Key.TryDecrypt(input, out var plaintext));
        Assert.Null(plaintext);
    }
}
