namespace UserPool.Api.Security.Signing;

/// <summary>One <c>key=value</c> of the canonical resource; the value is already in its signed UTF-8 form.</summary>
internal readonly record struct ResourcePair(string Key, ReadOnlyMemory<byte> Utf8Value);
