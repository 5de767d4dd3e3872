using UserPool.Api.Infrastructure;
using UserPool.Api.Validation;

namespace UserPool.Api.Accounts.Reading;

/// <summary>The advancedFilter operators. GREATER and LESSER include the bound, as Authing documents them.</summary>
public enum FilterOperator
{
    Equal,
    NotEqual,
    Contains,
    NotContains,
    IsNull,
    NotNull,
    In,
    Greater,
    Lesser,
    Between,
}

public static class FilterOperators
{
    private static readonly Dictionary<string, FilterOperator> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EQUAL"] = FilterOperator.Equal,
        ["NOT_EQUAL"] = FilterOperator.NotEqual,
        ["CONTAINS"] = FilterOperator.Contains,
        ["NOT_CONTAINS"] = FilterOperator.NotContains,
        ["IS_NULL"] = FilterOperator.IsNull,
        ["NOT_NULL"] = FilterOperator.NotNull,
        ["IN"] = FilterOperator.In,
        ["GREATER"] = FilterOperator.Greater,
        ["LESSER"] = FilterOperator.Lesser,
        ["BETWEEN"] = FilterOperator.Between,
    };

    public static IEnumerable<string> Names => ByName.Keys;

    public static FilterOperator Parse(string? raw, string parameter) =>
        raw is not null && ByName.TryGetValue(raw, out var op) ? op : throw ApiException.BadRequest(Messages.OneOf(parameter, ByName.Keys));

    public static string WireName(this FilterOperator op) => ByName.First(p => p.Value == op).Key;
}
