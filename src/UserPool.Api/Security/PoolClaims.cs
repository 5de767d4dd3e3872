using System.Security.Claims;

namespace UserPool.Api.Security;

/// <summary>What authentication establishes about a caller: its pool, and the key that proved it.</summary>
public static class PoolClaims
{
    public const string UserPoolId = "userpool_id";
    public const string AccessKeyId = "access_key_id";

    public static ClaimsPrincipal Principal(string userPoolId, string accessKeyId, string scheme) =>
        new(new ClaimsIdentity([new Claim(UserPoolId, userPoolId), new Claim(AccessKeyId, accessKeyId)], scheme));

    public static string? UserPoolIdOf(ClaimsPrincipal user) => user.FindFirst(UserPoolId)?.Value;
}

/// <summary>The authenticated caller's pool; every query of a request is scoped to it.</summary>
public sealed record CurrentPool(string Id)
{
    public static ValueTask<CurrentPool?> BindAsync(HttpContext context) =>
        ValueTask.FromResult(PoolClaims.UserPoolIdOf(context.User) is { } id ? new CurrentPool(id) : null);
}
