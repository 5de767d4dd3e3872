using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace UserPool.Api.CustomFields.Promises;

/// <summary>
/// encrypted: true custom fields. A value is stored in customData as {"$protected": "…"}: the value's JSON text
/// encrypted and authenticated by the Data Protection key ring (the ring that protects every other secret, kept in
/// the database). No client can store an object in a custom field (every data type is a scalar), so the marker is
/// never a value someone sent. Reads reveal it; nothing logs it.
/// </summary>
public sealed class CustomFieldSecrets(IDataProtectionProvider provider, ILogger<CustomFieldSecrets> logger)
{
    public const string Marker = "$protected";

    private readonly IDataProtector _values = provider.CreateProtector("UserPool.CustomFields.Values.v1");
    private readonly IDataProtector _hashKeys = provider.CreateProtector("UserPool.CustomFields.HashKeys.v1");

    /// <summary>The stored form of one value: the marker object's JSON text.</summary>
    public string ProtectValue(JsonElement value) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { [Marker] = _values.Protect(value.GetRawText()) });

    /// <summary>A stored value as the client sent it (the JSON text), or null when it cannot be opened.</summary>
    public string? RevealValue(JsonElement stored, string accountId, string key)
    {
        if (!IsProtected(stored))
        {
            return stored.GetRawText();
        }

        try
        {
            return _values.Unprotect(stored.GetProperty(Marker).GetString()!);
        }
        catch (CryptographicException)
        {
            // The key that protected it is gone from the ring (or the row was altered): answer null, never a 500.
            logger.LogWarning("Custom field {Key} of account {AccountId} cannot be decrypted with the key ring", key, accountId);
            return null;
        }
    }

    /// <summary>customData with <paramref name="keys"/> replaced by their stored (encrypted) form.</summary>
    public string ProtectEntries(JsonElement customData, IReadOnlySet<string> keys) =>
        Rewrite(customData, (name, value) => keys.Contains(name) && value.ValueKind != JsonValueKind.Null ? ProtectValue(value) : null);

    /// <summary>A stored customData with every protected entry decrypted; text without the marker is answered as it is.</summary>
    public string? Reveal(string? customData, string accountId)
    {
        if (customData is null || !customData.Contains(Marker, StringComparison.Ordinal))
        {
            return customData;
        }

        using var document = JsonDocument.Parse(customData);
        return document.RootElement.ValueKind != JsonValueKind.Object
            ? customData
            : Rewrite(document.RootElement, (name, value) => IsProtected(value) ? RevealValue(value, accountId, name) ?? "null" : null);
    }

    public string NewProtectedHashKey() => _hashKeys.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    public byte[] HashKey(string protectedHashKey) => Convert.FromBase64String(_hashKeys.Unprotect(protectedHashKey));

    public static bool IsProtected(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty(Marker, out var text) && text.ValueKind == JsonValueKind.String;

    /// <summary>Copies an object, writing the raw JSON <paramref name="replace"/> gives instead of a property's value.</summary>
    private static string Rewrite(JsonElement customData, Func<string, JsonElement, string?> replace)
    {
        var buffer = new ArrayBufferWriter<byte>();
        // Relaxed escaping keeps keys and values readable (e.g. Chinese) rather than \uXXXX; jsonb stores them alike.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (var property in customData.EnumerateObject())
            {
                writer.WritePropertyName(property.Name);
                if (replace(property.Name, property.Value) is { } raw)
                {
                    writer.WriteRawValue(raw, skipInputValidation: true);
                }
                else
                {
                    property.Value.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
