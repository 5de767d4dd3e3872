using Npgsql;
using NpgsqlTypes;

namespace UserPool.Api.Accounts.Pipeline;

/// <summary>
/// The rows a batch writes into one table, described as data: each column's name, the PostgreSQL type written and
/// where its value comes from, on one line. Written either by binary COPY (<see cref="WriteAsync"/>: the cheapest for
/// PostgreSQL, but two round trips of its own) or as one <c>INSERT … SELECT FROM unnest(…)</c> with an array per
/// column (<see cref="Insert"/>: a command that joins the batch's other statements in one round trip). Both match
/// values to columns by position only (two text columns swapped are written without an error), so the command texts
/// and the values are all produced from this one list, and <c>AccountCopyModelTests</c> holds every list to the EF
/// model (names, types, and the property each value is read from).
/// </summary>
internal sealed class CopyTable<TRow>(string table)
{
    private readonly List<CopyColumn<TRow>> _columns = [];
    private string? _insertCommand;

    public string Table => table;

    public IReadOnlyList<CopyColumn<TRow>> Columns => _columns;

    public string Command => $"COPY {table} ({string.Join(", ", _columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";

    public CopyTable<TRow> Text(string column, Func<TRow, string?> value) => Add(new ReferenceColumn<TRow, string>(column, NpgsqlDbType.Text, value));

    public CopyTable<TRow> Jsonb(string column, Func<TRow, string?> value) => Add(new ReferenceColumn<TRow, string>(column, NpgsqlDbType.Jsonb, value));

    public CopyTable<TRow> TextArray(string column, Func<TRow, string[]?> value) => Add(new TextArrayColumn<TRow>(column, value));

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

    /// <summary>
    /// The rows as one INSERT of one array parameter per column (unnest zips them row by row): for the few rows that
    /// follow a batch's accounts (identities, links, messages), so that they travel together in one round trip.
    /// </summary>
    public NpgsqlBatchCommand Insert(IReadOnlyList<TRow> rows)
    {
        var command = new NpgsqlBatchCommand(InsertCommand);
        foreach (var column in _columns)
        {
            command.Parameters.Add(column.ArrayOf(rows));
        }

        return command;
    }

    public string InsertCommand => _insertCommand ??=
        $"INSERT INTO {table} ({string.Join(", ", _columns.Select(c => c.Name))}) " +
        $"SELECT {string.Join(", ", _columns.Select(c => c.Select($"u.{c.Name}")))} " +
        $"FROM unnest({string.Join(", ", _columns.Select((c, i) => $"${i + 1}::{c.ArrayType}"))}) " +
        $"AS u({string.Join(", ", _columns.Select(c => c.Name))})";

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

    /// <summary>The column's values for <see cref="CopyTable{TRow}.Insert"/>: one array, nulls as SQL NULL elements.</summary>
    public abstract NpgsqlParameter ArrayOf(IReadOnlyList<TRow> rows);

    /// <summary>The PostgreSQL type of that array.</summary>
    public virtual string ArrayType => PostgresNames[type] + "[]";

    /// <summary>How the INSERT reads the column from unnest's row.</summary>
    public virtual string Select(string unnested) => unnested;

    private static readonly Dictionary<NpgsqlDbType, string> PostgresNames = new()
    {
        [NpgsqlDbType.Text] = "text", [NpgsqlDbType.Jsonb] = "jsonb", [NpgsqlDbType.Boolean] = "boolean", [NpgsqlDbType.Smallint] = "smallint",
        [NpgsqlDbType.Integer] = "integer", [NpgsqlDbType.TimestampTz] = "timestamptz",
    };
}

// Two shapes so that value types are written without boxing (a COPY writes tens of thousands of cells per batch).
internal sealed class ReferenceColumn<TRow, TValue>(string name, NpgsqlDbType type, Func<TRow, TValue?> value)
    : CopyColumn<TRow>(name, type) where TValue : class
{
    public override Task WriteAsync(NpgsqlBinaryImporter copy, TRow row, CancellationToken ct) =>
        value(row) is { } v ? copy.WriteAsync(v, Type, ct) : copy.WriteNullAsync(ct);

    public override object? ValueOf(TRow row) => value(row);

    public override NpgsqlParameter ArrayOf(IReadOnlyList<TRow> rows) =>
        new() { Value = ColumnValues.Of(rows, value), NpgsqlDbType = NpgsqlDbType.Array | Type };
}

internal sealed class ValueColumn<TRow, TValue>(string name, NpgsqlDbType type, Func<TRow, TValue?> value)
    : CopyColumn<TRow>(name, type) where TValue : struct
{
    public override Task WriteAsync(NpgsqlBinaryImporter copy, TRow row, CancellationToken ct) =>
        value(row) is { } v ? copy.WriteAsync(v, Type, ct) : copy.WriteNullAsync(ct);

    public override object? ValueOf(TRow row) => value(row);

    public override NpgsqlParameter ArrayOf(IReadOnlyList<TRow> rows) =>
        new() { Value = ColumnValues.Of(rows, value), NpgsqlDbType = NpgsqlDbType.Array | Type };
}

/// <summary>
/// A text[] column. An array of arrays cannot be unnested row by row (unnest flattens it, and PostgreSQL arrays cannot
/// be ragged), so for an INSERT each row's array travels as its array literal in a text[] and is cast back per row.
/// </summary>
internal sealed class TextArrayColumn<TRow>(string name, Func<TRow, string[]?> value) : CopyColumn<TRow>(name, NpgsqlDbType.Array | NpgsqlDbType.Text)
{
    public override Task WriteAsync(NpgsqlBinaryImporter copy, TRow row, CancellationToken ct) =>
        value(row) is { } v ? copy.WriteAsync(v, Type, ct) : copy.WriteNullAsync(ct);

    public override object? ValueOf(TRow row) => value(row);

    public override NpgsqlParameter ArrayOf(IReadOnlyList<TRow> rows) =>
        new() { Value = ColumnValues.Of(rows, r => ArrayLiteral.Of(value(r))), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    public override string ArrayType => "text[]";

    public override string Select(string unnested) => $"{unnested}::text[]";
}

/// <summary>A column's values for all rows, in one array (no LINQ: it runs for every column of every batch).</summary>
internal static class ColumnValues
{
    public static T[] Of<TRow, T>(IReadOnlyList<TRow> rows, Func<TRow, T> value)
    {
        var values = new T[rows.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = value(rows[i]);
        }

        return values;
    }
}
