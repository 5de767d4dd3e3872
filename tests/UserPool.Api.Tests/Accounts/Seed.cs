using UserPool.Api.Data.Entities;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Accounts;

/// <summary>Reference data written straight into the database, so account tests don't depend on other endpoints.</summary>
public static class Seed
{
    public static async Task<Department[]> DepartmentsAsync(UserPoolApiFactory api, int count)
    {
        await using var db = api.CreateDbContext();
        var now = DateTime.UtcNow;
        var organization = new Organization { UserPoolId = api.PoolId, Id = Id(), Code = "org-" + SampleUsers.Token(), Name = "Org", CreatedAt = now, UpdatedAt = now };
        var departments = Enumerable.Range(0, count).Select(i => new Department
        {
            UserPoolId = api.PoolId,
            Id = Id(),
            OrganizationId = organization.Id,
            OpenDepartmentId = "open-" + SampleUsers.Token(),
            Code = "code-" + SampleUsers.Token(),
            Name = $"Department {i}",
            CreatedAt = now,
            UpdatedAt = now,
        }).ToArray();
        db.Organizations.Add(organization);
        db.Departments.AddRange(departments);
        await db.SaveChangesAsync();
        return departments;
    }

    public static async Task<Tenant> TenantAsync(UserPoolApiFactory api)
    {
        await using var db = api.CreateDbContext();
        var tenant = new Tenant { UserPoolId = api.PoolId, Id = Id(), Name = "Tenant", Code = "t-" + SampleUsers.Token(), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync();
        return tenant;
    }

    /// <summary>Defines USER custom fields through the real endpoint.</summary>
    public static async Task CustomFieldsAsync(SignedClient client, params object[] fields)
    {
        var envelope = await client.PostEnvelopeAsync("/api/v3/set-custom-fields", new { list = fields });
        Assert.Equal(200, (int)envelope["statusCode"]!);
    }

    private static string Id() => UserPool.Api.Infrastructure.ObjectIds.New();
}
