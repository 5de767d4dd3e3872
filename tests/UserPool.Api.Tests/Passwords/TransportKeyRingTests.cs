using UserPool.Api.Passwords.Transport;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Passwords;

public sealed class TransportKeyRingTests(RsaKeysFixture keys) : IClassFixture<RsaKeysFixture>
{
    private static readonly DateTimeOffset RotatedAt = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan GracePeriod = TimeSpan.FromHours(1);

    private readonly Sm2TransportKey _currentSm2 = Sm2TransportKey.Generate();
    private readonly Sm2TransportKey _retiredSm2 = Sm2TransportKey.Generate();
    private readonly MovableClock _clock = new(RotatedAt);

    // keys.Key is current; keys.OtherKey was retired at RotatedAt.
    private TransportKeyRing Ring() => new(
        keys.Key,
        _currentSm2,
        [new RetiredTransportKey<RsaTransportKey>(keys.OtherKey, RotatedAt)],
        [new RetiredTransportKey<Sm2TransportKey>(_retiredSm2, RotatedAt)],
        GracePeriod,
        _clock);

    [Fact]
    public void KeyRingDecrypt_UnderTheCurrentKeys_Succeeds()
    {
        _clock.Now = RotatedAt + TimeSpan.FromDays(365);
        var ring = Ring();

        AssertDecrypts(ring, PasswordEncryptType.Rsa, AuthingClientImitation.RsaEncryptLikeNode(keys.PublicKeyPem, "current"), "current");
        AssertDecrypts(ring, PasswordEncryptType.Sm2, AuthingClientImitation.Sm2EncryptLikeSmCrypto(_currentSm2.PublicKeyHex, "current"), "current");
    }

    [Fact]
    public void KeyRingDecrypt_UnderARetiredKeyWithinTheGracePeriod_Succeeds()
    {
        var rsa = AuthingClientImitation.RsaEncryptLikeNode(keys.OtherKey.ExportPublicKeyPem(), "fetched-before-rotation");
        var sm2 = AuthingClientImitation.Sm2EncryptLikeSmCrypto(_retiredSm2.PublicKeyHex, "fetched-before-rotation");
        _clock.Now = RotatedAt + GracePeriod - TimeSpan.FromSeconds(1);
        var ring = Ring();

        AssertDecrypts(ring, PasswordEncryptType.Rsa, rsa, "fetched-before-rotation");
        AssertDecrypts(ring, PasswordEncryptType.Sm2, sm2, "fetched-before-rotation");
    }

    [Theory]
    [InlineData(0)] // the grace period is half-open: its end is already outside
    [InlineData(3600)]
    public void KeyRingDecrypt_UnderARetiredKeyAfterTheGracePeriod_IsRefused(int secondsPastGrace)
    {
        var rsa = AuthingClientImitation.RsaEncryptLikeNode(keys.OtherKey.ExportPublicKeyPem(), "too-late");
        var sm2 = AuthingClientImitation.Sm2EncryptLikeSmCrypto(_retiredSm2.PublicKeyHex, "too-late");
        _clock.Now = RotatedAt + GracePeriod + TimeSpan.FromSeconds(secondsPastGrace);
        var ring = Ring();

        Assert.Equal(TransportDecryptStatus.Undecryptable, ring.Decrypt(PasswordEncryptType.Rsa, rsa).Status);
        Assert.Equal(TransportDecryptStatus.Undecryptable, ring.Decrypt(PasswordEncryptType.Sm2, sm2).Status);
    }

    [Fact]
    public void KeyRingDecrypt_UnderSeveralRetiredKeys_FindsTheOneThatFits()
    {
        var older = Sm2TransportKey.Generate();
        var sm2 = AuthingClientImitation.Sm2EncryptLikeSmCrypto(older.PublicKeyHex, "two-rotations-ago");
        _clock.Now = RotatedAt + TimeSpan.FromMinutes(10);
        var ring = new TransportKeyRing(
            keys.Key,
            _currentSm2,
            [],
            [new(_retiredSm2, RotatedAt), new(older, RotatedAt - TimeSpan.FromMinutes(30))],
            GracePeriod,
            _clock);

        AssertDecrypts(ring, PasswordEncryptType.Sm2, sm2, "two-rotations-ago");
    }

    [Fact]
    public void KeyRingDecrypt_NoneType_PassesThePasswordThrough()
    {
        AssertDecrypts(Ring(), PasswordEncryptType.None, "plain 密码", "plain 密码");
        Assert.Equal(TransportDecryptStatus.Undecryptable, Ring().Decrypt(PasswordEncryptType.None, null).Status);
    }

    [Fact]
    public void KeyRingDecrypt_RsaCiphertextLongerThanEveryKey_IsTooLong()
    {
        var twoBlocks = Convert.ToBase64String(new byte[2 * keys.Key.ModulusLengthInBytes]);

        Assert.Equal(TransportDecryptStatus.TooLong, Ring().Decrypt(PasswordEncryptType.Rsa, twoBlocks).Status);
    }

    [Fact]
    public void KeyRingDecrypt_CiphertextForNoKeyInTheRing_IsUndecryptable()
    {
        var stranger = Sm2TransportKey.Generate();
        var sm2 = AuthingClientImitation.Sm2EncryptLikeSmCrypto(stranger.PublicKeyHex, "stranger");

        Assert.Equal(TransportDecryptStatus.Undecryptable, Ring().Decrypt(PasswordEncryptType.Sm2, sm2).Status);
        Assert.Equal(TransportDecryptStatus.Undecryptable, Ring().Decrypt(PasswordEncryptType.Rsa, "garbage").Status);
    }

    private static void AssertDecrypts(TransportKeyRing ring, PasswordEncryptType type, string transported, string expected)
    {
        var result = ring.Decrypt(type, transported);

        Assert.True(result.Succeeded);
        Assert.Equal(expected, result.Plaintext);
    }
}
