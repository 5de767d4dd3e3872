using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Accounts.Reading;

/// <summary>
/// Builds account predicates out of a field selector and a test on the field's value. The tests are ordinary
/// lambdas over captured locals, which EF Core sends as parameters; no value ever becomes SQL text.
/// </summary>
internal static class Predicates
{
    public const string LikeEscape = @"\";

    /// <summary><c>a =&gt; test(selector(a))</c>.</summary>
    public static Expression<Func<Account, bool>> On<T>(Expression<Func<Account, T>> selector, Expression<Func<T, bool>> test) =>
        Expression.Lambda<Func<Account, bool>>(Substitute(test, selector.Body), selector.Parameters);

    /// <summary>True when any of <paramref name="predicates"/> is; false when there are none.</summary>
    public static Expression<Func<Account, bool>> AnyOf(IEnumerable<Expression<Func<Account, bool>>> predicates)
    {
        var account = Expression.Parameter(typeof(Account), "a");
        var body = predicates.Select(p => Substitute(p, account)).Aggregate((Expression)Expression.Constant(false), Expression.OrElse);
        return Expression.Lambda<Func<Account, bool>>(body, account);
    }

    public static Expression<Func<Account, bool>> IsNull(LambdaExpression selector) =>
        Expression.Lambda<Func<Account, bool>>(Expression.Equal(selector.Body, Expression.Constant(null, selector.Body.Type)), selector.Parameters);

    public static Expression<Func<Account, bool>> NotNull(LambdaExpression selector) =>
        Expression.Lambda<Func<Account, bool>>(Expression.NotEqual(selector.Body, Expression.Constant(null, selector.Body.Type)), selector.Parameters);

    /// <summary>
    /// The negation of <paramref name="predicate"/> that also holds when the field is empty: "not equal to x"
    /// includes accounts without the field, where SQL's three-valued logic would drop them.
    /// </summary>
    public static Expression<Func<Account, bool>> EmptyOrNot(LambdaExpression selector, Expression<Func<Account, bool>> predicate) =>
        Expression.Lambda<Func<Account, bool>>(
            Expression.OrElse(IsNull(selector).Body, Expression.Not(Substitute(predicate, selector.Parameters[0]))),
            selector.Parameters);

    /// <summary><c>a =&gt; compare(selector(a), value)</c>, the value travelling as a query parameter.</summary>
    public static Expression<Func<Account, bool>> Compare<T>(
        Expression<Func<Account, T>> selector, Func<Expression, Expression, BinaryExpression> compare, T value) =>
        Expression.Lambda<Func<Account, bool>>(compare(selector.Body, Captured(value)), selector.Parameters);

    /// <summary><c>a =&gt; values.Contains(selector(a))</c>, sent as <c>= ANY(@values)</c>.</summary>
    public static Expression<Func<Account, bool>> In<T>(Expression<Func<Account, T>> selector, IReadOnlyList<T> values) =>
        Expression.Lambda<Func<Account, bool>>(
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(T)], Captured(values.ToArray()), selector.Body),
            selector.Parameters);

    /// <summary>A captured local, which EF Core turns into a parameter (a bare constant would be inlined as a literal).</summary>
    private static Expression Captured<TValue>(TValue value)
    {
        Expression<Func<TValue>> capture = () => value;
        return capture.Body;
    }

    /// <summary>
    /// A case-insensitive match of <paramref name="pattern"/> (already escaped) against the selected text: the pattern
    /// is lowered once, here, and PostgreSQL lowers only the field. ILIKE would lower the pattern again for every row
    /// and field, so a long pattern cost its length on every row (a 1 MB keyword ran 30 s over 1,000 accounts).
    /// </summary>
    public static Expression<Func<Account, bool>> Like(Expression<Func<Account, string?>> selector, string pattern)
    {
        var lowered = pattern.ToLowerInvariant();
        return On(selector, value => EF.Functions.Like(value!.ToLower(), lowered, LikeEscape));
    }

    /// <summary>Text matched literally by LIKE: the wildcards and the escape character are escaped.</summary>
    public static string Literal(string text) =>
        text.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
            .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscape + "_", StringComparison.Ordinal);

    public static string Containing(string text) => "%" + Literal(text) + "%";

    private static Expression Substitute(LambdaExpression lambda, Expression replacement) =>
        new ParameterReplacer(lambda.Parameters[0], replacement).Visit(lambda.Body);

    private sealed class ParameterReplacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
