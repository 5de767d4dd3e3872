using System.Security.Cryptography;

namespace UserPool.Api.Passwords;

/// <summary>Passwords for autoGeneratePassword: 16 characters from a CSPRNG with every character class present.</summary>
public static class PasswordGenerator
{
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";
    private const string Symbols = "!@#$%^&*-_=+?";
    private const int Length = 16;

    public static string Generate()
    {
        // Look-alike characters (l, 1, I, O, 0) are left out: people type these from an e-mail or SMS.
        const string all = Lower + Upper + Digits + Symbols;
        var chars = new char[Length];
        chars[0] = Pick(Lower);
        chars[1] = Pick(Upper);
        chars[2] = Pick(Digits);
        chars[3] = Pick(Symbols);
        for (var i = 4; i < Length; i++)
        {
            chars[i] = Pick(all);
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    private static char Pick(string alphabet) => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
}
