using UserPool.Api.Data.Entities;

namespace UserPool.Api.Tenants;

internal static class TenantMapping
{
    public static Tenant New(string poolId, string id, string creator, CreateTenantRequest request, DateTime now) => new()
    {
        UserPoolId = poolId,
        Id = id,
        Name = request.Name!,
        Code = TenantRules.NewCode(),
        Description = request.Description,
        Logo = TenantRules.Logos(request.Logo),
        RejectHint = request.RejectHint,
        AppIds = request.AppIds ?? [],
        SourceAppId = string.IsNullOrEmpty(request.SourceAppId) ? null : request.SourceAppId,
        EnterpriseDomains = request.EnterpriseDomains ?? [],
        ExpireTime = TenantRules.ParseExpireTime(request.ExpireTime),
        MauAmount = request.MauAmount,
        MemberAmount = request.MemberAmount,
        AdminAmount = request.AdminAmount,
        Creator = creator,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Tenants have no address of their own on this server, so host is "".</summary>
    public static TenantDto ToDto(Tenant tenant) => new()
    {
        TenantId = tenant.Id,
        UserPoolId = tenant.UserPoolId,
        Name = tenant.Name,
        Description = tenant.Description,
        Logo = tenant.Logo.FirstOrDefault() ?? "",
        RejectHint = tenant.RejectHint,
        AppIds = tenant.AppIds,
        Creator = tenant.Creator ?? "",
        SourceAppId = tenant.SourceAppId ?? "",
        Source = tenant.SourceAppId is null ? TenantRules.SourceApi : TenantRules.SourceApp,
        Code = tenant.Code,
        Host = "",
        EnterpriseDomains = tenant.EnterpriseDomains,
    };
}
