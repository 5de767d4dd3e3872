using System.Linq.Expressions;
using System.Text.Json;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;
using UserPool.Api.Validation;

namespace UserPool.Api.Accounts.Reading;

/// <summary>A checked listing: which accounts, in which order, which page, and what each one carries.</summary>
internal sealed record ListQuery(
    IReadOnlyList<Expression<Func<Account, bool>>> Filters,
    IReadOnlyList<(SortKey Key, bool Descending)> Sort,
    Pagination Pagination,
    AccountReadOptions Options)
{
    public const int MaxFilters = 50;

    public IOrderedQueryable<Account> Order(IQueryable<Account> accounts) =>
        Sort.Skip(1).Aggregate(Sort[0].Key.Apply(accounts, Sort[0].Descending), (ordered, sort) => sort.Key.Apply(ordered, sort.Descending));

    /// <summary>Checks the request in the order the SDK's tests probe it (pagination first); the first fault is the answer.</summary>
    public static ListQuery From(ListAccountsRequest? request, FilterScope scope)
    {
        var options = request?.Options;
        var pagination = Pagination.Parse(options?.Pagination?.Page, options?.Pagination?.Limit);
        if (request?.SearchQuery is { ValueKind: not JsonValueKind.Null })
        {
            throw ApiException.BadRequest(ReadMessages.ParameterNotSupported("searchQuery"));
        }

        var filters = new List<Expression<Func<Account, bool>>>();
        if (!string.IsNullOrWhiteSpace(request?.Keywords))
        {
            var keywords = SearchLimits.Checked(request.Keywords.Trim(), "keywords", SearchLimits.Keywords);
            filters.Add(Keywords.Match(keywords, options?.FuzzySearchOn));
        }

        filters.AddRange(AdvancedFilters(request?.AdvancedFilter, scope));
        var read = new AccountReadOptions(
            WithCustomData: options?.WithCustomData ?? false,
            WithIdentities: options?.WithIdentities ?? false,
            WithDepartmentIds: options?.WithDepartmentIds ?? false,
            WithPost: options?.WithPost ?? false,
            FlatCustomData: options?.FlatCustomData ?? false);
        return new ListQuery(filters, Sorting(options?.Sort), pagination, read);
    }

    private static IEnumerable<Expression<Func<Account, bool>>> AdvancedFilters(IReadOnlyList<AdvancedFilterItem?>? items, FilterScope scope)
    {
        if (items is null)
        {
            yield break;
        }

        if (items.Count > MaxFilters)
        {
            throw ApiException.BadRequest(ReadMessages.TooMany("advancedFilter", MaxFilters));
        }

        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index] ?? throw ApiException.BadRequest(Messages.InvalidFormat($"advancedFilter[{index}]"));
            if (string.IsNullOrEmpty(item.Field))
            {
                throw ApiException.BadRequest(ReadMessages.Required($"advancedFilter[{index}].field"));
            }

            var field = FilterFields.Find(item.Field) ?? throw ApiException.BadRequest(ReadMessages.UnknownFilterField(item.Field));
            var op = FilterOperators.Parse(item.Operator, $"advancedFilter[{index}].operator");
            yield return field.Build(op, new FilterValues(field.Name, item.Value, $"advancedFilter[{index}].value"), scope);
        }
    }

    /// <summary>Default: newest first. The id breaks ties in the first key's direction, so pages never overlap.</summary>
    private static List<(SortKey, bool)> Sorting(IReadOnlyList<SortingDto?>? sort)
    {
        var keys = new List<(SortKey Key, bool Descending)>();
        foreach (var item in sort ?? [])
        {
            if (item?.Field is not { Length: > 0 } name)
            {
                throw ApiException.BadRequest(ReadMessages.Required("sort.field"));
            }

            var key = SortFields.Find(name) ?? throw ApiException.BadRequest(ReadMessages.UnknownSortField(name));
            var descending = item.Order switch
            {
                null or "" => false,
                _ when item.Order.Equals("asc", StringComparison.OrdinalIgnoreCase) => false,
                _ when item.Order.Equals("desc", StringComparison.OrdinalIgnoreCase) => true,
                _ => throw ApiException.BadRequest(Messages.OneOf("sort.order", ["asc", "desc"])),
            };
            if (keys.All(k => k.Key != key))
            {
                keys.Add((key, descending));
            }
        }

        if (keys.Count == 0)
        {
            keys.Add((SortFields.CreatedAt, true));
        }

        if (keys.All(k => k.Key != SortFields.Id))
        {
            keys.Add((SortFields.Id, keys[0].Descending));
        }

        return keys;
    }
}
