using System.Text;
using UserPool.Api.Passwords.Transport;

namespace UserPool.Api.Tests.Passwords;

public sealed class Sm2DecryptRefusalTests
{
    // C1 without its tag is 128 hex chars, then 64 of C3 (SM3), then C2.
    private const int C3StartsAtHex = 128;
    private const int C2StartsAtHex = 192;

    private readonly Sm2TransportKey _key = Sm2TransportKey.Generate();

    [Theory]
    [InlineData(0)] // C1.X
    [InlineData(100)] // C1.Y
    [InlineData(C3StartsAtHex + 5)] // C3
    [InlineData(C2StartsAtHex + 1)] // C2
    public void Sm2Decrypt_CiphertextWithOneBitFlipped_IsRefused(int hexIndex)
    {
        var hex = Encrypt("tamper-me").ToCharArray();
        hex[hexIndex] = (Convert.ToInt32(hex[hexIndex].ToString(), 16) ^ 0x1).ToString("x")[0];

        AssertUndecryptable(new string(hex));
    }

    [Fact]
    public void Sm2Decrypt_TruncatedCiphertext_IsRefused()
    {
        var hex = Encrypt("truncate-me");

        AssertUndecryptable(hex[..^2]); // one byte of C2 missing
        AssertUndecryptable(hex[..^1]); // half a byte
        AssertUndecryptable(hex[..C2StartsAtHex]); // C2 gone
        AssertUndecryptable(hex[..(C2StartsAtHex - 2)]); // shorter than C1 + C3
    }

    [Fact]
    public void Sm2Decrypt_CiphertextThatKeptIts04Tag_IsRefused()
    {
        // The contract: always prepend 04, never guess. A client sending the tag is not sm-crypto-compatible.
        var withTag = AuthingClientImitation.Sm2EncryptWithTagHex(_key.PublicKeyHex, "tagged"u8.ToArray());

        AssertUndecryptable(withTag);
    }

    [Fact]
    public void Sm2Decrypt_CiphertextForAnotherKey_IsRefused()
    {
        var other = Sm2TransportKey.Generate();

        AssertUndecryptable(AuthingClientImitation.Sm2EncryptLikeSmCrypto(other.PublicKeyHex, "not-for-you"));
    }

    [Fact]
    public void Sm2Decrypt_PlaintextThatIsNotUtf8_IsRefused()
    {
        var hex = AuthingClientImitation.Sm2EncryptWithTagHex(_key.PublicKeyHex, [0x70, 0xFF, 0xFE, 0x77])[2..];

        AssertUndecryptable(hex);
    }

    [Fact]
    public void Sm2Decrypt_PointOffTheCurveAsC1_IsRefusedWithoutThrowing()
    {
        var hex = Encrypt("off-curve");

        AssertUndecryptable(new string('1', C3StartsAtHex) + hex[C3StartsAtHex..]);
    }

    [Fact]
    public void Sm2Decrypt_PasswordOverTheServerCap_IsReportedTooLong()
    {
        var hex = Encrypt(new string('x', Sm2TransportKey.MaxPlaintextLengthInBytes + 1));

        Assert.Equal(TransportDecryptStatus.TooLong, _key.Decrypt(hex).Status);
        Assert.False(_key.TryDecrypt(hex, out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sm2:")]
    [InlineData("not hex at all")]
    public void Sm2Decrypt_MalformedInput_IsRefusedWithoutThrowing(string? input)
    {
        AssertUndecryptable(input);
    }

    [Fact]
    public void Sm2Decrypt_HexWithWhitespaceOrNonHexCharacters_IsRefused()
    {
        var hex = Encrypt("strict");

        AssertUndecryptable(" " + hex[1..]);
        AssertUndecryptable(hex[..100] + "\n" + hex[101..]);
        AssertUndecryptable(hex[..^2] + "zz");
    }

    private string Encrypt(string password) => AuthingClientImitation.Sm2EncryptLikeSmCrypto(_key.PublicKeyHex, password);

    private void AssertUndecryptable(string? input)
    {
        var result = _key.Decrypt(input);

        Assert.Equal(TransportDecryptStatus.Undecryptable, result.Status);
        Assert.Null(result.Plaintext);
        Assert.False(_key.TryDecrypt(input, out var plaintext));
        Assert.Null(plaintext);
    }
}
