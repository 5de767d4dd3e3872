using System.Linq.Expressions;
using System.Text.Json;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Accounts.Reading;

/// <summary>What a filter may reach beyond the account row: its department memberships.</summary>
internal sealed record FilterScope(IQueryable<AccountDepartment> Memberships);

/// <summary>One field advancedFilter accepts, and the predicates its operators make.</summary>
internal abstract class FilterField(string name)
{
    public string Name => name;

    public abstract Expression<Func<Account, bool>> Build(FilterOperator op, FilterValues values, FilterScope scope);

    protected ApiException Unsupported(FilterOperator op) => ApiException.BadRequest(ReadMessages.UnsupportedOperator(Name, op.WireName()));
}

/// <summary>
/// How a field with a unique key (e-mail, username) is compared: the key column and the normalizer computing a
/// value's key (null when no account can hold the value).
/// </summary>
internal sealed record KeyComparison(Expression<Func<Account, string?>> Column, Func<string, string?> KeyOf);

/// <summary>
/// A text field. EQUAL and IN are exact, or compare unique keys for e-mail and username (the same sameness the
/// unique indexes enforce); CONTAINS is case-insensitive. An enumerated field (status, gender, …) takes only its
/// values, canonicalized.
/// </summary>
internal sealed class TextField(string name, Expression<Func<Account, string?>> selector, KeyComparison? key = null,
    Func<string, string?>? canonical = null) : FilterField(name)
{
    public override Expression<Func<Account, bool>> Build(FilterOperator op, FilterValues values, FilterScope scope) => op switch
    {
        FilterOperator.Equal => Equal(Read(values, values.Value)),
        FilterOperator.NotEqual => Predicates.EmptyOrNot(selector, Equal(Read(values, values.Value))),
        FilterOperator.In => In(values.List(v => Read(values, v))),
        FilterOperator.IsNull => Predicates.IsNull(selector),
        FilterOperator.NotNull => Predicates.NotNull(selector),
        FilterOperator.Contains when canonical is null => Predicates.Like(selector, Predicates.Containing(values.One(values.TextOf))),
        FilterOperator.NotContains when canonical is null =>
            Predicates.EmptyOrNot(selector, Predicates.Like(selector, Predicates.Containing(values.One(values.TextOf)))),
        _ => throw Unsupported(op),
    };

    private string Read(FilterValues values, JsonElement? value)
    {
        var text = values.TextOf(value);
        return canonical is null ? text : canonical(text) ?? throw values.Invalid();
    }

    private Expression<Func<Account, bool>> Equal(string text) => key is null
        ? Predicates.On(selector, value => value == text)
        : In([text]);

    private Expression<Func<Account, bool>> In(IReadOnlyList<string> texts) => key is null
        ? Predicates.In(selector, texts)
        : Predicates.In(key.Column, texts.Select(key.KeyOf).OfType<string>().Distinct().ToList());
}

/// <summary>A date-time or number field: compared, ranged (bounds included) or listed.</summary>
internal sealed class RangeField<T>(string name, Expression<Func<Account, T?>> selector, Func<FilterValues, JsonElement?, T> read)
    : FilterField(name) where T : struct
{
    public override Expression<Func<Account, bool>> Build(FilterOperator op, FilterValues values, FilterScope scope) => op switch
    {
        FilterOperator.Equal => Equal(values.One(v => read(values, v))),
        FilterOperator.NotEqual => Predicates.EmptyOrNot(selector, Equal(values.One(v => read(values, v)))),
        FilterOperator.Greater => Predicates.Compare(selector, Expression.GreaterThanOrEqual, values.One(v => read(values, v))),
        FilterOperator.Lesser => Predicates.Compare(selector, Expression.LessThanOrEqual, values.One(v => read(values, v))),
        FilterOperator.Between => Between(values.Range(v => read(values, v))),
        FilterOperator.In => Predicates.In(selector, values.List(v => (T?)read(values, v))),
        FilterOperator.IsNull => Predicates.IsNull(selector),
        FilterOperator.NotNull => Predicates.NotNull(selector),
        _ => throw Unsupported(op),
    };

    private Expression<Func<Account, bool>> Equal(T value) => Predicates.Compare(selector, Expression.Equal, value);

    private Expression<Func<Account, bool>> Between((T From, T To) range)
    {
        var from = Predicates.Compare(selector, Expression.GreaterThanOrEqual, range.From);
        var to = Predicates.Compare(selector, Expression.LessThanOrEqual, range.To);
        return Expression.Lambda<Func<Account, bool>>(Expression.AndAlso(from.Body, to.Body), selector.Parameters);
    }
}

internal sealed class FlagField(string name, Expression<Func<Account, bool>> selector) : FilterField(name)
{
    public override Expression<Func<Account, bool>> Build(FilterOperator op, FilterValues values, FilterScope scope)
    {
        if (op is not (FilterOperator.Equal or FilterOperator.NotEqual))
        {
            throw Unsupported(op);
        }

        var wanted = values.Boolean() == (op == FilterOperator.Equal);
        return Predicates.On(selector, flag => flag == wanted);
    }
}

/// <summary>
/// department: membership by department id. EQUAL/IN: in the department(s); NOT_EQUAL: not in it;
/// IS_NULL: in no department; NOT_NULL: in at least one.
/// </summary>
internal sealed class DepartmentField(string name) : FilterField(name)
{
    public override Expression<Func<Account, bool>> Build(FilterOperator op, FilterValues values, FilterScope scope)
    {
        var memberships = scope.Memberships;
        switch (op)
        {
            case FilterOperator.Equal:
                var id = values.One(values.TextOf);
                return a => memberships.Any(m => m.UserPoolId == a.UserPoolId && m.AccountId == a.Id && m.DepartmentId == id);
            case FilterOperator.NotEqual:
                var excluded = values.One(values.TextOf);
                return a => !memberships.Any(m => m.UserPoolId == a.UserPoolId && m.AccountId == a.Id && m.DepartmentId == excluded);
            case FilterOperator.In:
                var ids = values.List(values.TextOf).ToArray();
                return a => memberships.Any(m => m.UserPoolId == a.UserPoolId && m.AccountId == a.Id && ids.Contains(m.DepartmentId));
            case FilterOperator.IsNull:
                return a => !memberships.Any(m => m.UserPoolId == a.UserPoolId && m.AccountId == a.Id);
            case FilterOperator.NotNull:
                return a => memberships.Any(m => m.UserPoolId == a.UserPoolId && m.AccountId == a.Id);
            default:
                throw Unsupported(op);
        }
    }
}
