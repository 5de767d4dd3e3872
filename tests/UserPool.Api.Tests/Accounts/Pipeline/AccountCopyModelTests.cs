using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NpgsqlTypes;
using UserPool.Api.Accounts.Pipeline;
using UserPool.Api.Data;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Tests.Accounts.Pipeline;

/// <summary>
/// Binary COPY matches values to columns by position only: a value written under the wrong column is stored without
/// an error. Each COPY of the create pipeline is held here to the EF model of its table: every column exists with the
/// type written, no column is forgotten, and the value at each position is read from the property EF maps to that
/// column (checked on rows whose every property holds a distinct value).
/// </summary>
public sealed class AccountCopyModelTests
{
    [Fact]
    public void AccountsCopy_MatchesTheModel() =>
        // key_problems is only ever set by the key reconciler, for accounts whose stored keys collide.
        AssertMatchesModel(AccountCopy.Accounts, leftToNull: ["key_problems"]);

    [Fact]
    public void IdentitiesCopy_MatchesTheModel() => AssertMatchesModel(AccountCopy.Identities, leftToNull: []);

    [Fact]
    public void DepartmentLinksCopy_MatchesTheModel() => AssertMatchesModel(AccountCopy.Departments, leftToNull: []);

    [Fact]
    public void TenantLinksCopy_MatchesTheModel() => AssertMatchesModel(AccountCopy.Tenants, leftToNull: []);

    [Fact]
    public void OutboxCopy_MatchesTheModel() =>
        // A new message has not been attempted or sent: the dispatcher sets these.
        AssertMatchesModel(AccountCopy.Outbox, leftToNull: ["last_error", "sent_at"]);

    private static void AssertMatchesModel<TRow>(CopyTable<TRow> copy, string[] leftToNull)
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);
        var entity = db.Model.FindEntityType(typeof(TRow))!;
        Assert.Equal(entity.GetTableName(), copy.Table);
        var table = StoreObjectIdentifier.Table(copy.Table, entity.GetSchema());
        var modelColumns = entity.GetProperties().ToDictionary(p => p.GetColumnName(table)!);

        Assert.Equal(copy.Columns.Count, copy.Columns.Select(c => c.Name).Distinct().Count());
        Assert.Equal(
            modelColumns.Keys.Except(leftToNull).Order(StringComparer.Ordinal),
            copy.Columns.Select(c => c.Name).Order(StringComparer.Ordinal));

        var rows = DistinctRows<TRow>(entity);
        foreach (var column in copy.Columns)
        {
            var property = modelColumns[column.Name];
            var storeType = property.GetColumnType(table);
            Assert.True(Writes(column.Type, storeType), $"{copy.Table}.{column.Name} is {storeType}, the COPY writes {column.Type}");
            foreach (var row in rows)
            {
                var expected = property.PropertyInfo!.GetValue(row);
                expected = property.GetValueConverter() is { } converter && expected is not null ? converter.ConvertToProvider(expected) : expected;
                var written = column.ValueOf(row);
                Assert.True(JsonSerializer.Serialize(expected) == JsonSerializer.Serialize(written),
                    $"{copy.Table}.{column.Name} is mapped to {property.Name} ({JsonSerializer.Serialize(expected)}), the COPY writes {JsonSerializer.Serialize(written)}");
            }
        }
    }

    /// <summary>Whether a binary COPY value of this NpgsqlDbType is the store type's wire format.</summary>
    private static bool Writes(NpgsqlDbType written, string storeType) => written switch
    {
        NpgsqlDbType.Text => storeType == "text" || storeType.StartsWith("character varying", StringComparison.Ordinal),
        NpgsqlDbType.Array | NpgsqlDbType.Text => storeType == "text[]",
        NpgsqlDbType.Jsonb => storeType == "jsonb",
        NpgsqlDbType.Boolean => storeType == "boolean",
        NpgsqlDbType.Smallint => storeType == "smallint",
        NpgsqlDbType.Integer => storeType == "integer",
        NpgsqlDbType.TimestampTz => storeType == "timestamp with time zone",
        _ => false,
    };

    /// <summary>
    /// Rows in which no two properties hold the same value: texts, numbers and times differ by property; booleans
    /// (two values only) differ across rows, row i having only its i-th boolean true; enums cycle through their values.
    /// </summary>
    private static List<TRow> DistinctRows<TRow>(IEntityType entity)
    {
        var properties = entity.GetProperties().Select(p => p.PropertyInfo!).ToList();
        var booleans = properties.Where(p => UnderlyingType(p) == typeof(bool)).ToList();
        var rows = new List<TRow>();
        for (var row = 0; row <= booleans.Count; row++)
        {
            var instance = (TRow)Activator.CreateInstance(typeof(TRow))!;
            for (var i = 0; i < properties.Count; i++)
            {
                var property = properties[i];
                var type = UnderlyingType(property);
                object value = type == typeof(string) ? $"{property.Name}-{row}"
                    : type == typeof(string[]) ? new[] { $"{property.Name}-{row}" }
                    : type == typeof(int) ? 1000 * i + row
                    : type == typeof(short) ? (short)(1000 * i + row)
                    : type == typeof(DateTime) ? new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(1000 * i + row)
                    : type == typeof(bool) ? booleans.IndexOf(property) == row
                    : type.IsEnum ? Enum.GetValues(type).GetValue(row % Enum.GetValues(type).Length)!
                    : throw new InvalidOperationException($"No distinct sample for {property.Name} ({type})");
                property.SetValue(instance, value);
            }

            rows.Add(instance);
        }

        return rows;
    }

    private static Type UnderlyingType(System.Reflection.PropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
}
