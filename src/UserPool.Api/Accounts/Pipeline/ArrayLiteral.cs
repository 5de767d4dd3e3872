namespace UserPool.Api.Accounts.Pipeline;

/// <summary>
/// A text[] value as PostgreSQL's array literal (<c>{"a","b\"c",NULL}</c>): every element quoted, with its quotes and
/// backslashes escaped, so any text reads back as itself. Written here because Npgsql only writes arrays in the binary
/// format, which cannot nest inside an unnested array.
/// </summary>
internal static class ArrayLiteral
{
    public static string? Of(string[]? values)
    {
        if (values is null)
        {
            return null;
        }

        var literal = new System.Text.StringBuilder("{");
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                literal.Append(',');
            }

            if (values[i] is not { } value)
            {
                literal.Append("NULL");
                continue;
            }

            literal.Append('"');
            foreach (var c in value)
            {
                if (c is '"' or '\\')
                {
                    literal.Append('\\');
                }

                literal.Append(c);
            }

            literal.Append('"');
        }

        return literal.Append('}').ToString();
    }
}
