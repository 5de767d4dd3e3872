using Microsoft.EntityFrameworkCore;
using UserPool.Api.Data;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;

namespace UserPool.Benchmarks.Workload;

/// <summary>
/// What the users refer to, defined before any user is written: an organization with departments (no API
/// for them yet, so written through the DbContext) and the USER custom fields (through set-custom-fields).
/// </summary>
public static class ReferenceData
{
    public const int DepartmentCount = 20;

    public static async Task<IReadOnlyList<string>> DefineAsync(DbContextOptions<UserPoolDbContext> options, string poolId, ApiClient api)
    {
        var now = DateTime.UtcNow;
        var organization = new Organization { UserPoolId = poolId, Id = ObjectIds.New(), Code = "bench", Name = "Benchmark Org", CreatedAt = now, UpdatedAt = now };
        var departments = Enumerable.Range(0, DepartmentCount).Select(i => new Department
        {
            UserPoolId = poolId,
            Id = ObjectIds.New(),
            OrganizationId = organization.Id,
            OpenDepartmentId = $"open-dept-{i}",
            Code = $"dept-{i}",
            Name = $"Department {i}",
            CreatedAt = now,
            UpdatedAt = now,
        }).ToList();
        await using (var db = new UserPoolDbContext(options))
        {
            db.Organizations.Add(organization);
            db.Departments.AddRange(departments);
            await db.SaveChangesAsync();
        }

        await api.PostJsonAsync("/api/v3/set-custom-fields", new
        {
            list = new object[]
            {
                new { targetType = "USER", key = "employeeNo", dataType = "STRING", label = "Employee number" },
                new { targetType = "USER", key = "level", dataType = "NUMBER", label = "Level" },
                new { targetType = "USER", key = "remote", dataType = "BOOLEAN", label = "Remote" },
                new
                {
                    targetType = "USER", key = "team", dataType = "ENUM", label = "Team",
                    options = BenchUser.Teams.Select(t => new { value = t, label = t.ToUpperInvariant() }).ToArray(),
                },
            },
        });
        return departments.Select(d => d.Id).ToList();
    }
}
