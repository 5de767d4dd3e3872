using System.Text.Json;
using UserPool.Api.CustomFields.Promises;

namespace UserPool.Api.Tests.CustomFields;

/// <summary>The canonical form of isUnique custom field values, by data type: what collides and what stays distinct.</summary>
public sealed class CustomFieldCanonicalTests
{
    private const string Options = """[{"value":"bj","label":"北京"},{"value":"sh","label":"上海"}]""";

    [Theory]
    [InlineData("STRING", "\"E-1\"", "\" E-1\\t\"")]
    [InlineData("STRING", "\"\\u00e9\"", "\"e\\u0301\"")]
    [InlineData("NUMBER", "1", "1.0")]
    [InlineData("NUMBER", "1", "1e0")]
    [InlineData("NUMBER", "0", "-0.0")]
    [InlineData("NUMBER", "12345678901234567890", "12345678901234567890.00")]
    [InlineData("BOOLEAN", "true", "true")]
    [InlineData("DATETIME", "\"2024-01-01T08:00:00+08:00\"", "\"2024-01-01T00:00:00Z\"")]
    [InlineData("DATETIME", "\"2024-01-01T00:00:00\"", "1704067200000")]
    [InlineData("ENUM", "\"bj\"", "\"北京\"")]
    public void Collide(string dataType, string left, string right) =>
        Assert.Equal(Canonical(dataType, left), Canonical(dataType, right));

    [Theory]
    [InlineData("STRING", "\"abc\"", "\"ABC\"")]
    [InlineData("STRING", "\"a b\"", "\"ab\"")]
    [InlineData("NUMBER", "1", "1.000000000000000000000000001")]
    [InlineData("NUMBER", "12345678901234567890", "12345678901234567891")]
    [InlineData("BOOLEAN", "true", "false")]
    [InlineData("DATETIME", "\"2024-01-01T00:00:00Z\"", "\"2024-01-01T00:00:00.001Z\"")]
    [InlineData("ENUM", "\"bj\"", "\"sh\"")]
    public void StayDistinct(string dataType, string left, string right) =>
        Assert.NotEqual(Canonical(dataType, left), Canonical(dataType, right));

    [Theory]
    [InlineData("STRING", "null")]
    [InlineData("STRING", "1")]
    [InlineData("NUMBER", "\"1\"")]
    [InlineData("BOOLEAN", "\"true\"")]
    [InlineData("DATETIME", "\"not a date\"")]
    [InlineData("ENUM", "\"gz\"")]
    public void HasNoneForAValueOfAnotherType(string dataType, string value) => Assert.Null(Canonical(dataType, value));

    [Fact]
    public void Hash_OfAnEncryptedFieldDependsOnItsKey()
    {
        var plain = CustomFieldCanonical.Hash("E-1", null);
        var keyed = CustomFieldCanonical.Hash("E-1", new byte[32]);
        var otherKey = CustomFieldCanonical.Hash("E-1", Enumerable.Repeat((byte)1, 32).ToArray());

        Assert.Equal(32, plain.Length);
        Assert.NotEqual(plain, keyed);
        Assert.NotEqual(keyed, otherKey);
    }

    private static string? Canonical(string dataType, string json)
    {
        using var value = JsonDocument.Parse(json);
        return CustomFieldCanonical.Of(new CustomFieldFlags("k", dataType, Options, IsUnique: true, Encrypted: false, null), value.RootElement);
    }
}
