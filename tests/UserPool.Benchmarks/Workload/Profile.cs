namespace UserPool.Benchmarks.Workload;

/// <summary>The common profile fields every benchmark user carries (the values of the SDK's own examples).</summary>
public static class Profile
{
    public const string ExtIdpId = "6076bacxxxxxxxxd80d993b5";
    public const string Provider = "wechat";
    public const string IdentityType = "openid";
    public const string OriginConnId = "6076bacxxxxxxxxd80d993b6";

    public static IEnumerable<(string Name, string Value)> Fields(BenchUser user) =>
    [
        ("status", "Activated"),
        ("email", user.Email),
        ("phone", user.Phone),
        ("phoneCountryCode", "+86"),
        ("username", user.Username),
        ("externalId", user.ExternalId),
        ("name", "张三"),
        ("nickname", "Zhang"),
        ("photo", "https://example.com/avatar.png"),
        ("gender", "M"),
        ("birthdate", "1990-07-08"),
        ("country", "CN"),
        ("province", "BJ"),
        ("city", "BJ"),
        ("address", "北京朝阳"),
        ("streetAddress", "北京朝阳区 xxx 街道"),
        ("postalCode", "438100"),
        ("company", "steamory"),
        ("browser", "Mozilla/5.0"),
        ("device", "iOS"),
        ("givenName", "San"),
        ("familyName", "Zhang"),
        ("middleName", "James"),
        ("profile", "https://example.com/u/" + user.Tag),
        ("preferredUsername", "san"),
        ("website", "https://my-website.com"),
        ("zoneinfo", "GMT+08:00"),
        ("locale", "zh-CN"),
        ("formatted", "132, My Street, Kingston, New York 12401."),
        ("region", "Beijing"),
        ("identityNumber", "110101199003077777"),
    ];
}
