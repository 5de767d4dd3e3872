using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace UserPool.Api.CustomFields.Promises;

/// <summary>
/// The one rule deciding when two values of an isUnique custom field are the same value, by data type:
/// STRING: white space trimmed at both ends, Unicode NFC; case-sensitive (a custom field may hold codes whose
///   case matters; a field meant to ignore case should be written in one case by its client).
/// NUMBER: the decimal value without trailing zeros (1, 1.0 and 1e0 are one value; -0 is 0).
/// BOOLEAN: true or false.
/// DATETIME: the instant in UTC, ISO 8601 with seven fractional digits; a string without an offset is UTC, and a
///   number is milliseconds since 1970 (Authing's timestamps), so the two spellings of one instant collide.
/// ENUM: the option's value, whether the item sent the value or its label.
/// </summary>
public static class CustomFieldCanonical
{
    /// <summary>Null for a null value or one that does not have the field's type (the type check reports it).</summary>
    public static string? Of(CustomFieldFlags field, JsonElement value) => field.DataType switch
    {
        "NUMBER" when value.ValueKind == JsonValueKind.Number => Number(value),
        "BOOLEAN" when value.ValueKind is JsonValueKind.True or JsonValueKind.False => value.ValueKind == JsonValueKind.True ? "true" : "false",
        "DATETIME" => DateTime(value),
        "ENUM" when value.ValueKind == JsonValueKind.String => field.EnumValueOf(value.GetString()!),
        "STRING" when value.ValueKind == JsonValueKind.String => value.GetString()!.Trim().Normalize(NormalizationForm.FormC),
        _ => null,
    };

    /// <summary>
    /// What the side table stores: SHA-256 of the canonical text, or, for an encrypted field, HMAC-SHA256 with the
    /// field's own key, so the table holds nothing from which the secret values could be guessed offline.
    /// Fixed-size hashes also keep long values within what a btree index entry may hold.
    /// </summary>
    public static byte[] Hash(string canonical, byte[]? hmacKey)
    {
        var bytes = Encoding.UTF8.GetBytes(canonical);
        return hmacKey is null ? SHA256.HashData(bytes) : HMACSHA256.HashData(hmacKey, bytes);
    }

    private static string Number(JsonElement value)
    {
        if (value.TryGetDecimal(out var number))
        {
            // "0.#…#" prints every significant digit a decimal holds (28) and no trailing zero.
            var text = number.ToString("0.############################", CultureInfo.InvariantCulture);
            return text == "-0" ? "0" : text;
        }

        return value.GetDouble().ToString("R", CultureInfo.InvariantCulture);
    }

    private static string? DateTime(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.TryGetInt64(out var ms) && ms is >= -62135596800000 and <= 253402300799999
                ? DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("O", CultureInfo.InvariantCulture)
                : "number:" + Number(value);
        }

        return value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)
            : null;
    }
}
