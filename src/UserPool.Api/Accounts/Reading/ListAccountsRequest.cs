using System.Text.Json;

namespace UserPool.Api.Accounts.Reading;

/// <summary>ListUsersRequestDto and ListPublicAccountsRequestDto (the same shape).</summary>
public sealed record ListAccountsRequest(
    string? Keywords,
    IReadOnlyList<AdvancedFilterItem?>? AdvancedFilter,
    JsonElement? SearchQuery,
    ListAccountsOptions? Options);

/// <summary>ListUsersAdvancedFilterItemDto: field, operator and, for most operators, a value.</summary>
public sealed record AdvancedFilterItem(string? Field, string? Operator, JsonElement? Value);

/// <summary>
/// ListUsersOptionsDto. The public-account options lack withPost, withIdentities and flatCustomData; a
/// public account has no identities or posts to answer, so those two are ignored for it.
/// </summary>
public sealed record ListAccountsOptions(
    PaginationDto? Pagination,
    IReadOnlyList<SortingDto?>? Sort,
    IReadOnlyList<string?>? FuzzySearchOn,
    bool? WithCustomData,
    bool? WithPost,
    bool? WithIdentities,
    bool? WithDepartmentIds,
    bool? FlatCustomData);

/// <summary>PaginationDto. Raw JSON, so a malformed number gets the SDK's text rather than a JSON error.</summary>
public sealed record PaginationDto(JsonElement? Page, JsonElement? Limit);

/// <summary>SortingDto.</summary>
public sealed record SortingDto(string? Field, string? Order);
