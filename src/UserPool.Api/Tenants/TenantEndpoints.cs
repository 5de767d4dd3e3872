using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using UserPool.Api.Data;
using UserPool.Api.Infrastructure;
using UserPool.Api.Security;
using UserPool.Api.Validation;

namespace UserPool.Api.Tenants;

public static class TenantEndpoints
{
    public static RouteGroupBuilder MapTenants(this RouteGroupBuilder api)
    {
        api.MapPost("/create-tenant", CreateTenant).Validate<CreateTenantRequest>()
            .WithName("createTenant").WithTags("Tenants")
            .WithSummary("Create a tenant")
            .WithDescription("Creates a tenant with a generated tenantId and code (unique in the pool). " +
                "logo may be one URL or an array of URLs; the answer carries the first as a string.");
        return api;
    }

    private static async Task<Ok<Envelope<TenantDto>>> CreateTenant(
        CreateTenantRequest? request, CurrentPool pool, ClaimsPrincipal user, UserPoolDbContext db, TimeProvider clock, CancellationToken ct)
    {
        // Nullable so that an empty body (the SDK's call without an argument) reaches the validation filter, which
        // validates it as {} and has answered 400 before the handler runs.
        ArgumentNullException.ThrowIfNull(request);
        // The creator is the access key that signed the request (or obtained the management token).
        var creator = user.FindFirst(PoolClaims.AccessKeyId)?.Value ?? "";
        var tenant = TenantMapping.New(pool.Id, ObjectIds.New(clock.GetUtcNow()), creator, request, Timestamps.Now(clock));
        db.Tenants.Add(tenant);
        // A generated code taken meanwhile answers 409 through DatabaseConflicts.
        await db.SaveChangesAsync(ct);

        return TypedResults.Ok(Envelope.Success(TenantMapping.ToDto(tenant)));
    }
}
