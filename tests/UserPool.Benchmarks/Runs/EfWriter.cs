using Microsoft.EntityFrameworkCore;
using UserPool.Api.Data;
using UserPool.Benchmarks.Workload;

namespace UserPool.Benchmarks.Runs;

/// <summary>Baseline (b), the naive way: the API's own DbContext, AddRange and one SaveChanges per batch.</summary>
public sealed class EfWriter(DbContextOptions<UserPoolDbContext> options)
{
    public async Task WriteAsync(RowSet rows)
    {
        await using var db = new UserPoolDbContext(options);
        db.Accounts.AddRange(rows.Accounts);
        db.Identities.AddRange(rows.Identities);
        db.AccountDepartments.AddRange(rows.Links);
        await db.SaveChangesAsync();
    }
}
