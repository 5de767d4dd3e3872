using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using UserPool.Api.Data;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;
using UserPool.Api.Organizations;
using UserPool.Api.Security;
using UserPool.Api.Tenants;

namespace UserPool.Api.Departments;

public static class DepartmentEndpoints
{
    public static RouteGroupBuilder MapDepartments(this RouteGroupBuilder api)
    {
        api.MapPost("/create-department", CreateDepartment).Validate<CreateDepartmentRequest>()
            .WithName("createDepartment").WithTags("Departments")
            .WithSummary("Create a department")
            .WithDescription("Creates a department under \"root\" (the organization's root department) or under another department " +
                "of the same organization, named by department_id (default), open_department_id or code as departmentIdType says. " +
                "code and openDepartmentId are unique in the pool.");
        return api;
    }

    private static async Task<Ok<Envelope<DepartmentDto>>> CreateDepartment(
        CreateDepartmentRequest? request, CurrentPool pool, UserPoolDbContext db, TimeProvider clock, CancellationToken ct)
    {
        // Nullable so that an empty body (the SDK's call without an argument) reaches the validation filter, which
        // validates it as {} and has answered 400 before the handler runs.
        ArgumentNullException.ThrowIfNull(request);
        var organizationCode = request.OrganizationCode!;
        var organization = await db.Organizations.AsNoTracking()
            .FirstOrDefaultAsync(o => o.UserPoolId == pool.Id && o.Code == organizationCode, ct)
            ?? throw ApiException.NotFound(OrganizationCodes.NotFound(organizationCode));
        var parent = await FindParentAsync(db, organization, request.ParentDepartmentId!, request.DepartmentIdType, ct)
            ?? throw ApiException.NotFound(DepartmentRules.ParentNotFound(request.ParentDepartmentId!, organization.Code));
        var department = DepartmentMapping.New(pool.Id, ObjectIds.New(clock.GetUtcNow()), organization, parent, request, Timestamps.Now(clock));
        await TenantReferences.EnsureExistsAsync(db, pool.Id, department.TenantId, ct);
        await EnsureUnusedAsync(db, pool.Id, department.Code, department.OpenDepartmentId, ct);

        db.Departments.Add(department);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        // Kept (DatabaseConflicts answers any other violation): the answer names the value the client sent.
        catch (DbUpdateException exception) when (ConflictOf(exception, department) is { } conflict)
        {
            throw conflict;
        }

        return TypedResults.Ok(Envelope.Success(DepartmentMapping.ToDto(department, organization.Code, parent)));
    }

    /// <summary>Only departments of the same organization qualify; "root" is its root department.</summary>
    private static Task<ParentDepartment?> FindParentAsync(
        UserPoolDbContext db, Organization organization, string reference, string? idType, CancellationToken ct)
    {
        var departments = db.Departments.AsNoTracking()
            .Where(d => d.UserPoolId == organization.UserPoolId && d.OrganizationId == organization.Id);
        departments = (reference, idType) switch
        {
            (DepartmentRules.Root, _) => departments.Where(d => d.ParentDepartmentId == null),
            (_, "open_department_id") => departments.Where(d => d.OpenDepartmentId == reference),
            (_, "code") => departments.Where(d => d.Code == reference),
            _ => departments.Where(d => d.Id == reference),
        };
        return departments.Select(d => new ParentDepartment(d.Id, d.Code)).FirstOrDefaultAsync(ct);
    }

    private static async Task EnsureUnusedAsync(UserPoolDbContext db, string poolId, string? code, string? openDepartmentId, CancellationToken ct)
    {
        if (code is null && openDepartmentId is null)
        {
            return;
        }

        var taken = await db.Departments.AsNoTracking()
            .Where(d => d.UserPoolId == poolId
                && ((code != null && d.Code == code) || (openDepartmentId != null && d.OpenDepartmentId == openDepartmentId)))
            .Select(d => new { d.Code, d.OpenDepartmentId })
            .Take(2)
            .ToListAsync(ct);
        if (code is not null && taken.Exists(d => d.Code == code))
        {
            throw DepartmentConflicts.Code(code);
        }

        if (taken.Count > 0)
        {
            throw DepartmentConflicts.OpenDepartmentId(openDepartmentId!);
        }
    }

    private static ApiException? ConflictOf(DbUpdateException exception, Department department) =>
        DatabaseConflicts.ConstraintOf(exception) switch
        {
            DepartmentConflicts.CodeIndex when department.Code is not null => DepartmentConflicts.Code(department.Code),
            DepartmentConflicts.OpenDepartmentIdIndex when department.OpenDepartmentId is not null =>
                DepartmentConflicts.OpenDepartmentId(department.OpenDepartmentId),
            _ => null,
        };
}
