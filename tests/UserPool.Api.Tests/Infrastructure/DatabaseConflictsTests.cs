using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Tests.Infrastructure;

/// <summary>The central mapping of refused writes: its table matches the schema, and a violation renders as a 409.</summary>
[Collection(ApiCollection.Name)]
public sealed class DatabaseConflictsTests(UserPoolApiFactory api)
{
    [Fact]
    public async Task EveryConstraintTheTableNames_ExistsInTheSchema()
    {
        await using var db = api.CreateDbContext();
        var tables = db.Model.GetRelationalModel().Tables.ToList();
        var names = tables.SelectMany(t => t.UniqueConstraints.Select(c => c.Name))
            .Concat(tables.SelectMany(t => t.Indexes.Where(i => i.IsUnique).Select(i => i.Name)))
            .Concat(tables.SelectMany(t => t.ForeignKeyConstraints.Select(f => f.Name)))
            .ToHashSet();

        Assert.All(DatabaseConflicts.KnownConstraints, constraint => Assert.Contains(constraint, names));
    }

    [Fact]
    public void AUniqueViolationWrappedByEfCore_IsA409NamingTheField()
    {
        var refused = new DbUpdateException("save failed", Violation(PostgresErrorCodes.UniqueViolation, "ux_departments_pool_code"));

        var answer = DatabaseConflicts.ToAnswer(refused);

        Assert.NotNull(answer);
        Assert.Equal(409, answer.StatusCode);
        var error = Assert.Single(answer.Errors!);
        Assert.Equal(("code", "already_exists"), (error.Field, error.Code));
    }

    [Fact]
    public void AForeignKeyViolation_IsA409NamingTheReference()
    {
        var answer = DatabaseConflicts.ToAnswer(Violation(PostgresErrorCodes.ForeignKeyViolation, "fk_account_tenants_tenants"));

        Assert.Equal(409, answer!.StatusCode);
        Assert.Equal(("tenantIds", "not_found"), (answer.Errors![0].Field, answer.Errors[0].Code));
    }

    [Fact]
    public void AViolationOfAConstraintNotInTheTable_IsStillA409()
    {
        var answer = DatabaseConflicts.ToAnswer(Violation(PostgresErrorCodes.UniqueViolation, "ux_added_later"));

        Assert.Equal(409, answer!.StatusCode);
        Assert.Null(answer.Errors);
    }

    [Fact]
    public void AnyOtherDatabaseError_IsNotAConflict()
    {
        Assert.Null(DatabaseConflicts.ToAnswer(new DbUpdateException("x", Violation(PostgresErrorCodes.CheckViolation, "ck_x"))));
        Assert.Null(DatabaseConflicts.ToAnswer(new InvalidOperationException("x")));
    }

    private static PostgresException Violation(string sqlState, string constraint) =>
        new("refused", "ERROR", "ERROR", sqlState, constraintName: constraint);
}
