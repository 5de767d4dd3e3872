using UserPool.Api.Passwords.Transport;

namespace UserPool.Api.Tests.Passwords;

public sealed class TransportPlaintextTests
{
    [Theory]
    [InlineData("😀")]
    [InlineData("a😀b🔐c")]
    [InlineData("中文😀😀")]
    public void Cesu8Decode_SurrogatePairsAnywhere_BecomeTheirCharacters(string text)
    {
        Assert.True(TransportPlaintext.TryDecodeUtf8AcceptingCesu8Pairs(AuthingClientImitation.EncodeLikeJsencrypt(text), out var decoded));
        Assert.Equal(text, decoded);
    }

    // Code units, not strings: attribute metadata would turn a lone surrogate into U+FFFD.
    [Theory]
    [InlineData(new[] { 'a', '\uD83D' })] // high surrogate alone
    [InlineData(new[] { '\uDE00', 'b' })] // low surrogate alone
    [InlineData(new[] { '\uDE00', '\uD83D' })] // pair in the wrong order
    [InlineData(new[] { '\uD83D', '\uD83D', '\uDE00' })] // high surrogate followed by a pair
    public void Cesu8Decode_UnpairedSurrogates_AreRefused(char[] codeUnits)
    {
        var text = new string(codeUnits);

        Assert.False(TransportPlaintext.TryDecodeUtf8AcceptingCesu8Pairs(AuthingClientImitation.EncodeLikeJsencrypt(text), out _));
    }

    [Fact]
    public void StrictUtf8Decode_Cesu8SurrogatePair_IsRefused()
    {
        Assert.False(TransportPlaintext.TryDecodeUtf8(AuthingClientImitation.EncodeLikeJsencrypt("😀"), out _));
    }

    [Fact]
    public void Cesu8Decode_OtherInvalidBytesNextToAPair_AreStillRefused()
    {
        byte[] bytes = [.. AuthingClientImitation.EncodeLikeJsencrypt("😀"), 0xC3];

        Assert.False(TransportPlaintext.TryDecodeUtf8AcceptingCesu8Pairs(bytes, out _));
    }
}
