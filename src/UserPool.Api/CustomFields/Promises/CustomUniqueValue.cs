using UserPool.Api.Infrastructure;

namespace UserPool.Api.CustomFields.Promises;

/// <summary>
/// Item <paramref name="Index"/>'s value of an isUnique custom field, hashed as the side table stores it.
/// <paramref name="Shown"/> is the value for messages; null for an encrypted field, whose value is never repeated.
/// </summary>
public sealed record CustomUniqueValue(int Index, string Key, byte[] Hash, string? Shown)
{
    /// <summary>The conflict code Authing gives a unique key other than e-mail, phone and username.</summary>
    public const int ApiCode = 2026;

    public string Field => $"customData.{Key}";

    private string Named => Shown is null ? Field : $"{Field} {Shown}";

    public string DuplicateMessage(int firstIndex) => RequestLanguage.Pick(
        $"{Named} 与 list[{firstIndex}] 重复", $"{Named} duplicates list[{firstIndex}]");

    public string ConflictMessage(string holderKind, string holderId)
    {
        var holder = holderKind == "publicAccount" ? RequestLanguage.Pick("公共账号", "public account") : RequestLanguage.Pick("用户", "user");
        return RequestLanguage.Pick($"{Named} 已被{holder} {holderId} 使用", $"{Named} is already used by {holder} {holderId}");
    }
}
