using Microsoft.EntityFrameworkCore;
using UserPool.Api.Data;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Tenants;

/// <summary>Organizations and departments may belong to a tenant; it must be one of the caller's pool.</summary>
public static class TenantReferences
{
    public static async Task EnsureExistsAsync(UserPoolDbContext db, string poolId, string? tenantId, CancellationToken ct)
    {
        if (tenantId is not null && !await db.Tenants.AnyAsync(t => t.UserPoolId == poolId && t.Id == tenantId, ct))
        {
            throw ApiException.NotFound(RequestLanguage.Pick($"租户 {tenantId} 不存在", $"Tenant {tenantId} not found"));
        }
    }
}
