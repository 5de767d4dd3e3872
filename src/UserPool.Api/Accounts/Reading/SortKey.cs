using System.Linq.Expressions;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Accounts.Reading;

/// <summary>One orderable field. Empty values of an optional field sort last in both directions.</summary>
internal sealed class SortKey
{
    private readonly Func<IQueryable<Account>, bool, IOrderedQueryable<Account>> _first;
    private readonly Func<IOrderedQueryable<Account>, bool, IOrderedQueryable<Account>> _then;

    private SortKey(string name, Func<IQueryable<Account>, bool, IOrderedQueryable<Account>> first,
        Func<IOrderedQueryable<Account>, bool, IOrderedQueryable<Account>> then)
    {
        Name = name;
        _first = first;
        _then = then;
    }

    public string Name { get; }

    public static SortKey Of<T>(string name, Expression<Func<Account, T>> key, bool optional = false)
    {
        if (!optional)
        {
            return new(name, (q, desc) => desc ? q.OrderByDescending(key) : q.OrderBy(key),
                (q, desc) => desc ? q.ThenByDescending(key) : q.ThenBy(key));
        }

        var empty = Predicates.IsNull(key);
        return new(name, (q, desc) => Then(q.OrderBy(empty), key, desc), (q, desc) => Then(q.ThenBy(empty), key, desc));
    }

    public IOrderedQueryable<Account> Apply(IQueryable<Account> accounts, bool descending) => _first(accounts, descending);

    public IOrderedQueryable<Account> Apply(IOrderedQueryable<Account> accounts, bool descending) => _then(accounts, descending);

    private static IOrderedQueryable<Account> Then<T>(IOrderedQueryable<Account> q, Expression<Func<Account, T>> key, bool desc) =>
        desc ? q.ThenByDescending(key) : q.ThenBy(key);
}
