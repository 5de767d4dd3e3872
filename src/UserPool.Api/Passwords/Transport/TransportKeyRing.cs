namespace UserPool.Api.Passwords.Transport;

/// <summary>
/// The current RSA and SM2 transport keys plus recently retired ones. A client may have fetched the
/// public key just before a rotation, so a retired key keeps decrypting for a grace period after its
/// retirement; the current key is always tried first. Pure: keys and times are given, nothing is
/// loaded or disposed here (the rotation owner disposes RSA keys once no ring holds them).
/// </summary>
public sealed class TransportKeyRing
{
    private readonly IReadOnlyList<RetiredTransportKey<RsaTransportKey>> _retiredRsa;
    private readonly IReadOnlyList<RetiredTransportKey<Sm2TransportKey>> _retiredSm2;
    private readonly TimeSpan _gracePeriod;
    private readonly TimeProvider _timeProvider;

    public TransportKeyRing(
        RsaTransportKey currentRsa,
        Sm2TransportKey currentSm2,
        IEnumerable<RetiredTransportKey<RsaTransportKey>> retiredRsa,
        IEnumerable<RetiredTransportKey<Sm2TransportKey>> retiredSm2,
        TimeSpan gracePeriod,
        TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(currentRsa);
        ArgumentNullException.ThrowIfNull(currentSm2);
        ArgumentOutOfRangeException.ThrowIfLessThan(gracePeriod, TimeSpan.Zero);
        CurrentRsa = currentRsa;
        CurrentSm2 = currentSm2;
        _retiredRsa = NewestFirst(retiredRsa);
        _retiredSm2 = NewestFirst(retiredSm2);
        _gracePeriod = gracePeriod;
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    /// <summary>The key whose public half <c>/api/v3/system</c> publishes for <c>rsa</c>.</summary>
    public RsaTransportKey CurrentRsa { get; }

    /// <summary>The key whose public half <c>/api/v3/system</c> publishes for <c>sm2</c>.</summary>
    public Sm2TransportKey CurrentSm2 { get; }

    /// <summary>
    /// Recovers the password a client sent. <see cref="PasswordEncryptType.None"/> passes the value
    /// through unchanged (null stays undecryptable). Never throws for bad input.
    /// </summary>
    public TransportDecryptResult Decrypt(PasswordEncryptType type, string? transportedPassword) => type switch
    {
        PasswordEncryptType.None => transportedPassword is null
            ? TransportDecryptResult.Undecryptable
            : TransportDecryptResult.Decrypted(transportedPassword),
        PasswordEncryptType.Rsa => DecryptWithFirstAcceptingKey(CurrentRsa, _retiredRsa, transportedPassword),
        PasswordEncryptType.Sm2 => DecryptWithFirstAcceptingKey(CurrentSm2, _retiredSm2, transportedPassword),
        _ => TransportDecryptResult.Undecryptable,
    };

    private TransportDecryptResult DecryptWithFirstAcceptingKey<TKey>(
        TKey current, IReadOnlyList<RetiredTransportKey<TKey>> retired, string? ciphertext)
        where TKey : ITransportKey
    {
        var result = current.Decrypt(ciphertext);
        if (result.Succeeded || retired.Count == 0)
        {
            return result;
        }

        var allSaidTooLong = result.Status == TransportDecryptStatus.TooLong;
        var now = _timeProvider.GetUtcNow();
        foreach (var candidate in retired)
        {
            if (now >= candidate.RetiredAt + _gracePeriod)
            {
                continue;
            }

            var attempt = candidate.Key.Decrypt(ciphertext);
            if (attempt.Succeeded)
            {
                return attempt;
            }

            allSaidTooLong &= attempt.Status == TransportDecryptStatus.TooLong;
        }

        // "Too long" only when no key could have taken it; otherwise one opaque failure.
        return allSaidTooLong ? TransportDecryptResult.TooLong : TransportDecryptResult.Undecryptable;
    }

    private static RetiredTransportKey<TKey>[] NewestFirst<TKey>(IEnumerable<RetiredTransportKey<TKey>> retired)
        where TKey : ITransportKey
    {
        ArgumentNullException.ThrowIfNull(retired);
        return [.. retired.OrderByDescending(key => key.RetiredAt)];
    }
}
