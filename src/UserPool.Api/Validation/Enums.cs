namespace UserPool.Api.Validation;

/// <summary>The enumerations of the contract's account DTOs.</summary>
public static class Enums
{
    public static readonly string[] Statuses = ["Suspended", "Resigned", "Activated", "Archived", "Deactivated"];
    /// <summary>The seed's W is accepted and stored as F.</summary>
    public static readonly string[] Genders = ["M", "F", "U", "W"];
    public static readonly string[] DepartmentIdTypes = ["department_id", "open_department_id", "code", "sync_relation", "custom_field"];
    public static readonly string[] PasswordEncryptTypes = ["none", "rsa", "sm2"];
    public static readonly string[] Providers =
    [
        "oidc", "oauth2", "saml", "ldap", "ad", "cas", "azure-ad", "wechat", "google", "qq", "wechatwork", "dingtalk",
        "weibo", "github", "alipay", "apple", "baidu", "lark", "gitlab", "twitter", "facebook", "slack", "linkedin",
        "yidun", "qingcloud", "gitee", "instagram", "welink", "huawei", "honor", "xiaomi", "oppo", "aws", "amazon",
        "douyin", "kuaishou", "line", "sdbz", "zjzwfw", "zzding", "seeyona8v5",
    ];
}
