using UserPool.Api.Infrastructure;
using UserPool.Api.Passwords.KeptHashes;
using UserPool.Api.Validation;

namespace UserPool.Api.Passwords;

/// <summary>Why a password of an item is refused: an item error's code and message (never the password itself).</summary>
public readonly record struct PasswordFault(string Code, string Message);

/// <summary>
/// The rules a password obeys once transport encryption is undone, the same whether it arrived as plaintext or as an
/// RSA/SM2 ciphertext: the only difference between the paths is where the text came from.
/// </summary>
public static class PasswordRules
{
    /// <summary>
    /// A password to hash: not empty, one line of text without control characters (C0, DEL, C1: a NUL or an ESC
    /// in a password is a client's bug, and sign-in forms cannot type them), at most 72 UTF-8 bytes (bcrypt ignores
    /// the rest, and silently cutting it would accept any password sharing the first 72 bytes).
    /// </summary>
    public static PasswordFault? PlaintextFault(string plaintext) =>
        plaintext.Length == 0
            ? new(ErrorCodes.InvalidValue, RequestLanguage.Pick("密码不能为空", "The password must not be empty"))
        : !TextRules.IsSingleLine(plaintext)
            ? new(ErrorCodes.InvalidText, RequestLanguage.Pick("密码不能含有控制字符", "The password must not contain control characters"))
        : TextRules.Utf8Length(plaintext) > FieldLimits.PlaintextPasswordBytes
            ? new(ErrorCodes.TooLong, RequestLanguage.Pick(
                $"密码不能超过 {FieldLimits.PlaintextPasswordBytes} 字节", $"The password must be at most {FieldLimits.PlaintextPasswordBytes} bytes (UTF-8)"))
        : null;

    /// <summary>
    /// A hash to keep (keepPassword). One that claims a format of the registry must parse as it. One that arrived
    /// encrypted (rsa/sm2) must be of a format the registry knows: an encrypted value that is no hash is almost
    /// always a plaintext password sent with keepPassword by mistake, and keeping it would store the password itself.
    /// </summary>
    public static PasswordFault? KeptHashFault(KeptHashReading reading, bool decrypted) =>
        reading.Refused
            ? new(ErrorCodes.InvalidFormat, RequestLanguage.Pick(
                $"参数 password 不是有效的 {reading.Format!.Name} 哈希：{reading.Fault}", $"Parameter password is not a valid {reading.Format!.Name} hash: {reading.Fault}"))
        : decrypted && !reading.Recognised
            ? new(ErrorCodes.InvalidFormat, RequestLanguage.Pick(
                "keepPassword 与 passwordEncryptType rsa/sm2 同用时，解密后的值必须是已知格式的密码哈希",
                "With keepPassword and passwordEncryptType rsa or sm2 the decrypted value must be a password hash of a known format"))
        : null;
}
