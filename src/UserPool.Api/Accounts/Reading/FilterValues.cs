using System.Globalization;
using System.Text.Json;
using UserPool.Api.Infrastructure;
using UserPool.Api.Validation;

namespace UserPool.Api.Accounts.Reading;

/// <summary>
/// The value of one advancedFilter item read as the field's type. A value of the wrong shape is
/// <c>参数 &lt;field&gt; 格式错误</c>, the text the SDK's test expects for a bad status. A text longer than
/// <see cref="SearchLimits.FilterText"/> is refused naming its <paramref name="Path"/> (advancedFilter[i].value).
/// </summary>
internal sealed record FilterValues(string Field, JsonElement? Value, string Path)
{
    public const int MaxListItems = 100;

    public T One<T>(Func<JsonElement?, T> read) => read(Value);

    /// <summary>BETWEEN takes [from, to], both included.</summary>
    public (T From, T To) Range<T>(Func<JsonElement?, T> read) =>
        Value is { ValueKind: JsonValueKind.Array } array && array.GetArrayLength() == 2
            ? (read(array[0]), read(array[1]))
            : throw Invalid();

    /// <summary>IN takes a non-empty array of at most <see cref="MaxListItems"/> values.</summary>
    public IReadOnlyList<T> List<T>(Func<JsonElement?, T> read) =>
        Value is { ValueKind: JsonValueKind.Array } array && array.GetArrayLength() is > 0 and <= MaxListItems
            ? array.EnumerateArray().Select(item => read(item)).Distinct().ToList()
            : throw Invalid();

    public bool Boolean() => Value switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } s when bool.TryParse(s.GetString(), out var parsed) => parsed,
        _ => throw Invalid(),
    };

    public ApiException Invalid() => ApiException.BadRequest(Messages.InvalidFormat(Field));

    public string TextOf(JsonElement? value) => SearchLimits.Checked(value switch
    {
        { ValueKind: JsonValueKind.String } s when s.GetString() is { } text && TextRules.IsStorable(text) => text,
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        _ => throw Invalid(),
    }, Path, SearchLimits.FilterText);

    /// <summary>An ISO 8601 date-time (UTC unless it says otherwise) or milliseconds since the epoch, as JS Date gives.</summary>
    public DateTime DateOf(JsonElement? value)
    {
        if (value is { ValueKind: JsonValueKind.Number } n && n.TryGetInt64(out var ms)
            && ms is >= -62_135_596_800_000 and <= 253_402_300_799_999)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;
        }

        if (value is { ValueKind: JsonValueKind.String } s && DateTimeOffset.TryParse(s.GetString(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return parsed.UtcDateTime;
        }

        throw Invalid();
    }

    public int NumberOf(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt32(out var number) => number,
        { ValueKind: JsonValueKind.String } s when int.TryParse(s.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
        _ => throw Invalid(),
    };
}
