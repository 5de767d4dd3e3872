namespace UserPool.Api.Passwords.Transport;

/// <summary>A key that has been replaced but still opens ciphertexts for the ring's grace period after <paramref name="RetiredAt"/>.</summary>
public sealed record RetiredTransportKey<TKey>(TKey Key, DateTimeOffset RetiredAt)
    where TKey : ITransportKey;
