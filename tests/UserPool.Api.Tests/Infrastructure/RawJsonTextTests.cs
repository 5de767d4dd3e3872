using System.Text;
using System.Text.Json;
using UserPool.Api.Infrastructure;
using UserPool.Api.Validation;

namespace UserPool.Api.Tests.Infrastructure;

/// <summary>
/// The raw-byte checks give the verdicts decoding every string gives, on text with and without escapes, and the raw
/// length is GetRawText's.
/// </summary>
public sealed class RawJsonTextTests
{
    private static readonly string[] Cases =
    [
        """{"plain":"ascii","中文":"汉字 😀","n":1,"a":[true,null,"x"]}""",
        """{"escaped":"tab\tquote\" \u00e9 \ud83d\ude00"}""",
        """{"nul":"a\u0000b"}""",
        """{"a\u0000":"name holds a NUL"}""",
        """{"lone":"\ud800"}""",
        """{"\udc00":"lone surrogate in a name"}""",
        """{"deep":[[{"x":["\ud83d"]}]]}""",
        """["\ud83d\ude00", "ok"]""",
        "\"just a string\"",
        "42",
    ];

    public static TheoryData<string> Values() => new(Cases);

    [Theory]
    [MemberData(nameof(Values))]
    public void Readable_and_storable_verdicts_match_decoding_every_string(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(DecodesEverything(document.RootElement), RawJsonText.EveryText(document.RootElement, static _ => true));
        Assert.Equal(StorableByDecoding(document.RootElement), TextRules.IsStorable(document.RootElement));
        Assert.Equal(document.RootElement.GetRawText().Length, RawJsonText.RawTextLength(document.RootElement));
    }

    [Fact]
    public void Invalid_utf8_bytes_are_neither_readable_nor_storable()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"k":"a?b"}""");
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xFF;
        using var document = JsonDocument.Parse(bytes);

        Assert.False(RawJsonText.EveryText(document.RootElement, static _ => true));
        Assert.False(TextRules.IsStorable(document.RootElement));
    }

    [Fact]
    public void The_cases_cover_both_verdicts()
    {
        var verdicts = Cases.Select(json =>
        {
            using var document = JsonDocument.Parse(json);
            return (DecodesEverything(document.RootElement), StorableByDecoding(document.RootElement));
        }).ToList();

        Assert.Contains((true, true), verdicts);
        Assert.Contains((true, false), verdicts);
        Assert.Contains((false, false), verdicts);
    }

    private static bool DecodesEverything(JsonElement element) => Strings(element).All(read =>
    {
        try
        {
            return read() is not null;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    });

    private static bool StorableByDecoding(JsonElement element) => DecodesEverything(element) && Strings(element).All(read => TextRules.IsStorable(read()));

    private static IEnumerable<Func<string?>> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value).Prepend(() => p.Name)),
        _ => [],
    };
}
