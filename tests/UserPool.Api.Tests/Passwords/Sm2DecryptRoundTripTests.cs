using System.Text;
using UserPool.Api.Passwords.Transport;
using UserPool.Api.Tests.Passwords.TestData;

namespace UserPool.Api.Tests.Passwords;

public sealed class Sm2DecryptRoundTripTests
{
    private readonly Sm2TransportKey _key = Sm2TransportKey.Generate();

    [Fact]
    public void Sm2Decrypt_CapturedSmCryptoCiphertext_YieldsPlaintext()
    {
        var key = Sm2TransportKey.ImportPrivateKeyHex(CryptoVectors.Sm2PrivateKeyHex);

        Assert.True(key.TryDecrypt(CryptoVectors.Sm2CiphertextHex, out var plaintext));
        Assert.Equal(CryptoVectors.Sm2Plaintext, plaintext);
    }

    [Fact]
    public void Sm2Decrypt_MixedPasswordsOfEveryLengthUpTo128Bytes_RoundTrip()
    {
        var passwords = new RandomPasswords(seed: 128);
        for (var length = 1; length <= 128; length++)
        {
            var password = passwords.Mixed(length);
            Assert.Equal(length, Encoding.UTF8.GetByteCount(password));

            Assert.Equal(password, Decrypt(AuthingClientImitation.Sm2EncryptLikeSmCrypto(_key.PublicKeyHex, password)));
        }
    }

    [Theory]
    [InlineData(1)] // Latin with diacritics
    [InlineData(2)] // Chinese
    [InlineData(3)] // emoji
    public void Sm2Decrypt_NonAsciiPasswords_RoundTrip(int characterPool)
    {
        var passwords = new RandomPasswords(seed: characterPool);
        foreach (var length in new[] { 4, 12, 33, 64, 127, 128 })
        {
            var password = passwords.OnlyFrom(characterPool, length);
            Assert.Equal(password, Decrypt(AuthingClientImitation.Sm2EncryptLikeSmCrypto(_key.PublicKeyHex, password)));
        }
    }

    [Theory]
    [InlineData("sm2:")] // Authing's password-encryption demo
    [InlineData("SM2:")]
    public void Sm2Decrypt_WithSm2Prefix_YieldsPlaintext(string prefix)
    {
        var hex = AuthingClientImitation.Sm2EncryptLikeSmCrypto(_key.PublicKeyHex, "prefixed");

        Assert.Equal("prefixed", Decrypt(prefix + hex));
    }

    [Fact]
    public void Sm2Decrypt_UppercaseHex_YieldsPlaintext()
    {
        var hex = AuthingClientImitation.Sm2EncryptLikeSmCrypto(_key.PublicKeyHex, "SHOUTING");

        Assert.Equal("SHOUTING", Decrypt(hex.ToUpperInvariant()));
    }

    [Fact]
    public void Sm2Decrypt_CiphertextWhoseC1XStartsWith04_StillDecrypts()
    {
        string hex;
        var attempts = 0;
        do
        {
            // One ciphertext in 256 has C1.X beginning with byte 04; a "strip 04 if present" rule breaks them.
            hex = AuthingClientImitation.Sm2EncryptLikeSmCrypto(_key.PublicKeyHex, "ambiguous");
            Assert.True(++attempts < 20_000, "no C1.X starting with 04 turned up");
        }
        while (!hex.StartsWith("04", StringComparison.Ordinal));

        Assert.Equal("ambiguous", Decrypt(hex));
    }

    [Fact]
    public void Sm2Decrypt_PasswordAtTheServerCap_YieldsPlaintext()
    {
        var password = new string('x', Sm2TransportKey.MaxPlaintextLengthInBytes);

        Assert.Equal(password, Decrypt(AuthingClientImitation.Sm2EncryptLikeSmCrypto(_key.PublicKeyHex, password)));
    }

    [Fact]
    public void Sm2Decrypt_ConcurrentCallsOnOneKey_AllYieldTheirPlaintext()
    {
        var ciphertexts = Enumerable.Range(0, 32)
            .Select(index => AuthingClientImitation.Sm2EncryptLikeSmCrypto(_key.PublicKeyHex, $"pw-{index}-密码"))
            .ToArray();

        var results = new string?[ciphertexts.Length * 4];
        Parallel.For(0, results.Length, index => results[index] = Decrypt(ciphertexts[index % ciphertexts.Length]));

        for (var index = 0; index < results.Length; index++)
        {
            Assert.Equal($"pw-{index % ciphertexts.Length}-密码", results[index]);
        }
    }

    private string? Decrypt(string ciphertext) => _key.TryDecrypt(ciphertext, out var plaintext) ? plaintext : null;
}
