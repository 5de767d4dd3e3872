using System.Diagnostics.CodeAnalysis;

namespace UserPool.Api.Passwords.Transport;

/// <summary>Maps <see cref="PasswordEncryptType"/> to and from its wire values.</summary>
public static class PasswordEncryptTypes
{
    /// <summary>
    /// Parses <c>none</c>, <c>rsa</c> or <c>sm2</c>, ignoring case. Anything else, including null and
    /// the empty string, is refused: an absent option means <see cref="PasswordEncryptType.None"/>,
    /// but that default is the request binder's decision, not this parser's.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? wireValue, out PasswordEncryptType type)
    {
        type = PasswordEncryptType.None;
        if (wireValue is null)
        {
            return false;
        }

        // Explicit comparisons rather than Enum.TryParse, which would also accept "1", "Rsa, Sm2" and padding.
        if (wireValue.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (wireValue.Equals("rsa", StringComparison.OrdinalIgnoreCase))
        {
            type = PasswordEncryptType.Rsa;
            return true;
        }

        if (wireValue.Equals("sm2", StringComparison.OrdinalIgnoreCase))
        {
            type = PasswordEncryptType.Sm2;
            return true;
        }

        return false;
    }

    /// <summary>The lowercase wire value, as the SDKs send it.</summary>
    public static string ToWireValue(this PasswordEncryptType type) => type switch
    {
        PasswordEncryptType.None => "none",
        PasswordEncryptType.Rsa => "rsa",
        PasswordEncryptType.Sm2 => "sm2",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown password encrypt type."),
    };
}
