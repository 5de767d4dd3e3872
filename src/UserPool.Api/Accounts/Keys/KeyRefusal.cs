namespace UserPool.Api.Accounts.Keys;

/// <summary>Why a value cannot be a unique key: a stable code and a message naming the field.</summary>
public sealed record KeyRefusal(string Code, string Message);

/// <summary>The canonical key of a value, the value to store and answer, or why it was refused.</summary>
public readonly record struct KeyResult(string? Stored, string? Key, KeyRefusal? Refusal)
{
    public static KeyResult Of(string stored, string key) => new(stored, key, null);

    public static KeyResult Refused(string code, string message) => new(null, null, new KeyRefusal(code, message));

    public bool IsRefused => Refusal is not null;
}

/// <summary>The phone's stored parts (national significant number, +country code) and its E.164 key.</summary>
public readonly record struct PhoneResult(string? Phone, string? CountryCode, string? Key, KeyRefusal? Refusal, string? RefusedField)
{
    public static PhoneResult Refused(string field, string code, string message) => new(null, null, null, new KeyRefusal(code, message), field);

    public bool IsRefused => Refusal is not null;
}
