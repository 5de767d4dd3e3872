using System.Text.Json;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Accounts.Contracts;

/// <summary>CreateIdentityDto. userInfoInIdp and originConnIds are optional in practice (Go sends null).</summary>
public sealed record IdentityInput : StrictJsonObject
{
    public string? ExtIdpId { get; init; }
    public string? Provider { get; init; }
    public string? Type { get; init; }
    public string? UserIdInIdp { get; init; }
    public JsonElement? UserInfoInIdp { get; init; }
    public string? AccessToken { get; init; }
    public string? RefreshToken { get; init; }
    public string[]? OriginConnIds { get; init; }
}

/// <summary>CreateUserOtpDto; Go always sends {"secret":""}, which means no OTP.</summary>
public sealed record OtpInput : StrictJsonObject
{
    public string? Secret { get; init; }
    public string? RecoveryCode { get; init; }
}
