using System.Text;
using UserPool.Api.Passwords.Transport;
using UserPool.Api.Tests.Passwords.TestData;

namespace UserPool.Api.Tests.Passwords;

public sealed class RsaDecryptRoundTripTests(RsaKeysFixture keys) : IClassFixture<RsaKeysFixture>
{
    private const int Rsa1024MaxPlaintextBytes = 117;

    [Fact]
    public void RsaDecrypt_CapturedNodeCiphertext_YieldsPlaintext()
    {
        Assert.True(keys.VectorKey.TryDecrypt(CryptoVectors.RsaCiphertextBase64, out var plaintext));
        Assert.Equal(CryptoVectors.RsaPlaintext, plaintext);
    }

    [Fact]
    public void RsaDecrypt_MixedPasswordsOfEveryLengthUpTo117Bytes_RoundTripInNodeAndJsencryptForm()
    {
        var passwords = new RandomPasswords(seed: 1024);
        for (var length = 1; length <= Rsa1024MaxPlaintextBytes; length++)
        {
            var password = passwords.Mixed(length);
            Assert.Equal(length, Encoding.UTF8.GetByteCount(password));
            var block = AuthingClientImitation.RsaEncryptBlock(keys.PublicKeyPem, Encoding.UTF8.GetBytes(password));

            Assert.Equal(password, Decrypt(Convert.ToBase64String(block)));
            Assert.Equal(password, Decrypt(AuthingClientImitation.ToJsencryptBase64(block)));
        }
    }

    [Theory]
    [InlineData(1)] // Latin with diacritics: 2-byte characters
    [InlineData(2)] // Chinese: 3-byte characters
    [InlineData(3)] // emoji: 4-byte characters
    public void RsaDecrypt_NonAsciiPasswordsUpToTheMaximumLength_RoundTrip(int characterPool)
    {
        var passwords = new RandomPasswords(seed: characterPool);
        foreach (var length in new[] { 4, 12, 30, 64, 100, 116, Rsa1024MaxPlaintextBytes })
        {
            var password = passwords.OnlyFrom(characterPool, length);
            Assert.Equal(password, Decrypt(AuthingClientImitation.RsaEncryptLikeNode(keys.PublicKeyPem, password)));
        }
    }

    [Fact]
    public void RsaDecrypt_CiphertextWhoseLeadingZeroByteJsencryptDropped_YieldsPlaintext()
    {
        const string password = "passw0rd中文";
        byte[] block;
        var attempts = 0;
        do
        {
            // A 1024-bit ciphertext starts with 00 about once in 128 to 256 encryptions.
            block = AuthingClientImitation.RsaEncryptBlock(keys.PublicKeyPem, Encoding.UTF8.GetBytes(password));
            Assert.True(++attempts < 20_000, "no ciphertext with a leading zero byte turned up");
        }
        while (block[0] != 0);

        var jsencryptForm = AuthingClientImitation.ToJsencryptBase64(block);
        Assert.True(Convert.FromBase64String(jsencryptForm).Length < keys.Key.ModulusLengthInBytes);
        Assert.Equal(password, Decrypt(jsencryptForm));
    }

    [Fact]
    public void RsaDecrypt_EmojiThatJsencryptEncodedAsSurrogatePairs_YieldsTheEmoji()
    {
        const string password = "密码😀🔐ok";
        var cesu8 = AuthingClientImitation.EncodeLikeJsencrypt(password);
        Assert.NotEqual(Encoding.UTF8.GetBytes(password), cesu8);

        var block = AuthingClientImitation.RsaEncryptBlock(keys.PublicKeyPem, cesu8);

        Assert.Equal(password, Decrypt(AuthingClientImitation.ToJsencryptBase64(block)));
    }

    [Fact]
    public void RsaDecrypt_Base64BrokenByLineBreaksAndSpaces_YieldsPlaintext()
    {
        var base64 = AuthingClientImitation.RsaEncryptLikeNode(keys.PublicKeyPem, "line-wrapped");
        var wrapped = $" {base64[..64]}\r\n{base64[64..128]}\n\t{base64[128..]} ";

        Assert.Equal("line-wrapped", Decrypt(wrapped));
    }

    [Fact]
    public void RsaDecrypt_ConcurrentCallsOnOneKey_AllYieldTheirPlaintext()
    {
        var ciphertexts = Enumerable.Range(0, 64)
            .Select(index => (Password: $"pw-{index}-密码", Base64: AuthingClientImitation.RsaEncryptLikeNode(keys.PublicKeyPem, $"pw-{index}-密码")))
            .ToArray();

        var results = new string?[ciphertexts.Length * 8];
        Parallel.For(0, results.Length, index => results[index] = Decrypt(ciphertexts[index % ciphertexts.Length].Base64));

        for (var index = 0; index < results.Length; index++)
        {
            Assert.Equal(ciphertexts[index % ciphertexts.Length].Password, results[index]);
        }
    }

    private string? Decrypt(string base64) => keys.Key.TryDecrypt(base64, out var plaintext) ? plaintext : null;
}
