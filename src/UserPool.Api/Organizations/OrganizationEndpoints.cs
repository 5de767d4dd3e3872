using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using UserPool.Api.Data;
using UserPool.Api.Data.Configurations;
using UserPool.Api.Departments;
using UserPool.Api.Infrastructure;
using UserPool.Api.Security;
using UserPool.Api.Tenants;

namespace UserPool.Api.Organizations;

public static class OrganizationEndpoints
{
    public static RouteGroupBuilder MapOrganizations(this RouteGroupBuilder api)
    {
        api.MapPost("/create-organization", CreateOrganization).Validate<CreateOrganizationRequest>()
            .WithName("createOrganization").WithTags("Organizations")
            .WithSummary("Create an organization")
            .WithDescription("Creates an organization with its root department (departmentId in the answer). " +
                "organizationCode is unique in the pool; an empty code gets a generated one.");
        return api;
    }

    private static async Task<Ok<Envelope<OrganizationDto>>> CreateOrganization(
        CreateOrganizationRequest? request, CurrentPool pool, UserPoolDbContext db, TimeProvider clock, CancellationToken ct)
    {
        // Nullable so that an empty body (the SDK's call without an argument) reaches the validation filter, which
        // validates it as {} and has answered 400 before the handler runs.
        ArgumentNullException.ThrowIfNull(request);
        var id = ObjectIds.New(clock.GetUtcNow());
        var code = request.OrganizationCode is "" ? id : request.OrganizationCode!;
        var (organization, root) = OrganizationMapping.New(pool.Id, id, code, request, Timestamps.Now(clock));
        await TenantReferences.EnsureExistsAsync(db, pool.Id, organization.TenantId, ct);
        await EnsureUnusedAsync(db, pool.Id, code, organization.OpenDepartmentId, ct);

        db.Organizations.Add(organization);
        db.Departments.Add(root);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        // Kept (DatabaseConflicts answers any other violation): the answer names the code the client sent, and a
        // department's code index guards organizationCode here.
        catch (DbUpdateException exception) when (ConflictOf(exception, code, organization.OpenDepartmentId) is { } conflict)
        {
            throw conflict;
        }

        return TypedResults.Ok(Envelope.Success(OrganizationMapping.ToDto(organization)));
    }

    /// <summary>Every organization has a root department with its code, so one look at departments covers both.</summary>
    private static async Task EnsureUnusedAsync(UserPoolDbContext db, string poolId, string code, string? openDepartmentId, CancellationToken ct)
    {
        var taken = await db.Departments.AsNoTracking()
            .Where(d => d.UserPoolId == poolId && (d.Code == code || (openDepartmentId != null && d.OpenDepartmentId == openDepartmentId)))
            .Select(d => new { d.Code, d.OpenDepartmentId, IsRoot = d.ParentDepartmentId == null })
            .Take(2)
            .ToListAsync(ct);
        if (taken.Find(d => d.Code == code) is { } sameCode)
        {
            throw DepartmentConflicts.Conflict("organizationCode",
                sameCode.IsRoot ? OrganizationCodes.Exists(code) : OrganizationCodes.UsedByDepartment(code));
        }

        if (taken.Count > 0)
        {
            throw DepartmentConflicts.OpenDepartmentId(openDepartmentId!);
        }
    }

    private static ApiException? ConflictOf(DbUpdateException exception, string code, string? openDepartmentId) =>
        DatabaseConflicts.ConstraintOf(exception) switch
        {
            OrganizationConfiguration.CodeIndex => DepartmentConflicts.Conflict("organizationCode", OrganizationCodes.Exists(code)),
            // The organizations row is inserted first, so a clash on departments is with a non-root department.
            DepartmentConflicts.CodeIndex => DepartmentConflicts.Conflict("organizationCode", OrganizationCodes.UsedByDepartment(code)),
            DepartmentConflicts.OpenDepartmentIdIndex when openDepartmentId is not null => DepartmentConflicts.OpenDepartmentId(openDepartmentId),
            _ => null,
        };
}
