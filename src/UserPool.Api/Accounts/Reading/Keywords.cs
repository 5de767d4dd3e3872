using System.Linq.Expressions;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;
using UserPool.Api.Validation;

namespace UserPool.Api.Accounts.Reading;

/// <summary>keywords: a case-insensitive substring of any of the fuzzySearchOn fields (the SDK's list).</summary>
internal static class Keywords
{
    public static readonly string[] DefaultFields = ["username", "email", "phone", "name", "nickname", "externalId"];

    /// <summary>Every field fuzzySearchOn may name.</summary>
    public static IEnumerable<string> SearchableFields => Fields.Keys;

    private static readonly Dictionary<string, Expression<Func<Account, string?>>> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = a => a.Id,
        ["phone"] = a => a.Phone,
        ["email"] = a => a.Email,
        ["name"] = a => a.Name,
        ["username"] = a => a.Username,
        ["externalId"] = a => a.ExternalId,
        ["nickname"] = a => a.Nickname,
        ["company"] = a => a.Company,
        ["givenName"] = a => a.GivenName,
        ["familyName"] = a => a.FamilyName,
        ["middleName"] = a => a.MiddleName,
        ["profile"] = a => a.Profile,
        ["preferredUsername"] = a => a.PreferredUsername,
        ["website"] = a => a.Website,
        ["address"] = a => a.Address,
        ["formatted"] = a => a.Formatted,
        ["streetAddress"] = a => a.StreetAddress,
        ["postalCode"] = a => a.PostalCode,
        ["identityNumber"] = a => a.IdentityNumber,
    };

    public static Expression<Func<Account, bool>> Match(string keywords, IReadOnlyList<string?>? fuzzySearchOn)
    {
        if (!TextRules.IsStorable(keywords))
        {
            throw ApiException.BadRequest(Messages.InvalidFormat("keywords"));
        }

        var names = fuzzySearchOn is { Count: > 0 } ? fuzzySearchOn : DefaultFields;
        var selectors = names.Distinct(StringComparer.OrdinalIgnoreCase).Select(name =>
            name is not null && Fields.TryGetValue(name, out var selector)
                ? selector
                : throw ApiException.BadRequest(Messages.OneOf("fuzzySearchOn", Fields.Keys)));
        var pattern = Predicates.Containing(keywords);
        return Predicates.AnyOf(selectors.Select(selector => Predicates.Like(selector, pattern)).ToList());
    }
}
