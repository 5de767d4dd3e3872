using Npgsql;
using NpgsqlTypes;

namespace UserPool.Api.Accounts.Pipeline;

/// <summary>
/// A binary COPY into one table, described as data: each column's name, the PostgreSQL type written and where its
/// value comes from, on one line. Binary COPY matches values to columns by position only (two text columns swapped
/// are written without an error), so the command text and the values are both produced from this one list, and
/// <c>AccountCopyModelTests</c> holds every list to the EF model (names, types, and the property each value is read from).
/// </summary>
internal sealed class CopyTable<TRow>(string table)
{
    private readonly List<CopyColumn<TRow>> _columns = [];

    public string Table => table;

    public IReadOnlyList<CopyColumn<TRow>> Columns => _columns;

    public string Command => $"COPY {table} ({string.Join(", ", _columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";

    public CopyTable<TRow> Text(string column, Func<TRow, string?> value) => Add(new ReferenceColumn<TRow, string>(column, NpgsqlDbType.Text, value));

    public CopyTable<TRow> Jsonb(string column, Func<TRow, string?> value) => Add(new ReferenceColumn<TRow, string>(column, NpgsqlDbType.Jsonb, value));

    public CopyTable<TRow> TextArray(string column, Func<TRow, string[]?> value) =>
        Add(new ReferenceColumn<TRow, string[]>(column, NpgsqlDbType.Array | NpgsqlDbType.Text, value));

    public CopyTable<TRow> Boolean(string column, Func<TRow, bool?> value) => Add(new ValueColumn<TRow, bool>(column, NpgsqlDbType.Boolean, value));

    public CopyTable<TRow> Smallint(string column, Func<TRow, short?> value) => Add(new ValueColumn<TRow, short>(column, NpgsqlDbType.Smallint, value));

    public CopyTable<TRow> Integer(string column, Func<TRow, int?> value) => Add(new ValueColumn<TRow, int>(column, NpgsqlDbType.Integer, value));

    public CopyTable<TRow> TimestampTz(string column, Func<TRow, DateTime?> value) =>
        Add(new ValueColumn<TRow, DateTime>(column, NpgsqlDbType.TimestampTz, value));

    public async Task WriteAsync(NpgsqlConnection connection, IEnumerable<TRow> rows, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(Command, ct);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(ct);
            foreach (var column in _columns)
            {
                await column.WriteAsync(copy, row, ct);
            }
        }

        await copy.CompleteAsync(ct);
    }

    private CopyTable<TRow> Add(CopyColumn<TRow> column)
    {
        _columns.Add(column);
        return this;
    }
}

/// <summary>One column of a <see cref="CopyTable{TRow}"/>; null is written as SQL NULL.</summary>
internal abstract class CopyColumn<TRow>(string name, NpgsqlDbType type)
{
    public string Name => name;

    public NpgsqlDbType Type => type;

    public abstract Task WriteAsync(NpgsqlBinaryImporter copy, TRow row, CancellationToken ct);

    /// <summary>The value this column writes for a row (boxed: for tests, not for the write).</summary>
    public abstract object? ValueOf(TRow row);
}

// Two shapes so that value types are written without boxing (a COPY writes tens of thousands of cells per batch).
internal sealed class ReferenceColumn<TRow, TValue>(string name, NpgsqlDbType type, Func<TRow, TValue?> value)
    : CopyColumn<TRow>(name, type) where TValue : class
{
    public override Task WriteAsync(NpgsqlBinaryImporter copy, TRow row, CancellationToken ct) =>
        value(row) is { } v ? copy.WriteAsync(v, Type, ct) : copy.WriteNullAsync(ct);

    public override object? ValueOf(TRow row) => value(row);
}

internal sealed class ValueColumn<TRow, TValue>(string name, NpgsqlDbType type, Func<TRow, TValue?> value)
    : CopyColumn<TRow>(name, type) where TValue : struct
{
    public override Task WriteAsync(NpgsqlBinaryImporter copy, TRow row, CancellationToken ct) =>
        value(row) is { } v ? copy.WriteAsync(v, Type, ct) : copy.WriteNullAsync(ct);

    public override object? ValueOf(TRow row) => value(row);
}
