using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Accounts.Contracts;

/// <summary>IdentityDto. Provider tokens are never returned by the management API.</summary>
public sealed record IdentityDto(
    string? IdentityId,
    string ExtIdpId,
    string Provider,
    string Type,
    string UserIdInIdp,
    RawJson UserInfoInIdp,
    string[] OriginConnIds)
{
    public static IdentityDto From(AccountIdentity identity, bool dryRun = false) => new(
        dryRun ? null : identity.Id, identity.ExtIdpId, identity.Provider, identity.Type, identity.UserIdInIdp,
        RawJson.From(identity.UserInfoInIdp) ?? RawJson.EmptyObject, identity.OriginConnIds);
}
