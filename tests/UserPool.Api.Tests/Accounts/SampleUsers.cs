using System.Security.Cryptography;

namespace UserPool.Api.Tests.Accounts;

/// <summary>
/// Random, realistic users with every common field; unique per call. No two text fields hold the same value, so a
/// value stored under another field's column (the COPY writes by position) shows on read
/// (<c>AccountRoundTripTests</c>).
/// </summary>
public static class SampleUsers
{
    public static string Token(int length = 12) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(length))[..length];

    public static string Phone() => "13" + RandomNumberGenerator.GetInt32(100_000_000, 999_999_999);

    public static Dictionary<string, object?> Full(string? tag = null)
    {
        tag ??= Token();
        return new Dictionary<string, object?>
        {
            ["status"] = "Activated",
            ["email"] = $"user.{tag}@example.com",
            ["phone"] = Phone(),
            ["phoneCountryCode"] = "+86",
            ["username"] = $"user_{tag}",
            ["externalId"] = $"ext-{tag}",
            ["name"] = "张三",
            ["nickname"] = "Xiao Zhang",
            ["photo"] = "https://example.com/avatar.png",
            ["gender"] = "M",
            ["emailVerified"] = true,
            ["phoneVerified"] = false,
            ["birthdate"] = "2022-07-08",
            ["country"] = "CN",
            ["province"] = "Beijing",
            ["city"] = "Chaoyang",
            ["address"] = "北京朝阳",
            ["streetAddress"] = "北京朝阳区 xxx 街道",
            ["postalCode"] = "438100",
            ["company"] = "steamory",
            ["browser"] = "Mozilla/5.0",
            ["device"] = "iOS",
            ["givenName"] = "San",
            ["familyName"] = "Zhang",
            ["middleName"] = "James",
            ["profile"] = "https://example.com/people/zhangsan",
            ["preferredUsername"] = "zhangsan",
            ["website"] = "https://my-website.com",
            ["zoneinfo"] = "GMT-08:00",
            ["locale"] = "af",
            ["formatted"] = "132, My Street, Kingston, New York 12401.",
            ["region"] = "Xinjiang Uyghur Autonomous Region",
            ["identityNumber"] = "110101199003077777",
        };
    }
}
