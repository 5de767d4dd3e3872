using System.Text.Json;

namespace UserPool.Api.Security.Tokens;

/// <summary>
/// Reads <c>scoped_userpool_id</c> without verifying anything, as the Python, Go and Java SDKs do. It decodes the
/// payload like Python (pad with '=' then standard base64), the strictest of the three: a payload it can read is one
/// Go and Java (base64url) read identically. Returns null where Python would fail.
/// </summary>
public static class UnverifiedManagementTokenReader
{
    public static string? ReadScopedUserPoolId(string? token)
    {
        var segments = token?.Split('.') ?? [];
        if (segments.Length < 2)
        {
            return null;
        }

        var payload = segments[1];
        payload += new string('=', (4 - payload.Length % 4) % 4);
        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(payload));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(ManagementTokenFormat.ScopedUserPoolIdClaim, out var claim)
                && claim.ValueKind == JsonValueKind.String
                    ? claim.GetString()
                    : null;
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return null;
        }
    }
}
