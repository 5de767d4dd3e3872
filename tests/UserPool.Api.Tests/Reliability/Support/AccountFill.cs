using System.Text.Json.Nodes;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Reliability.Support;

/// <summary>
/// Accounts for searches to work through, created through the API without passwords. Their names are long runs of
/// one letter, the worst case for a substring search with a long pattern of that letter.
/// </summary>
public static class AccountFill
{
    public static readonly string Letters = new('a', 100);

    public static async Task CreateAsync(SignedClient client, string prefix, int count)
    {
        for (var start = 0; start < count; start += 50)
        {
            var list = Enumerable.Range(start, Math.Min(50, count - start)).Select(i => new
            {
                username = $"{prefix}{i}-{Letters}",
                name = Letters + i,
                nickname = Letters + i,
                email = $"{prefix}{i}@{Letters[..40]}.example.com",
            }).ToArray();
            var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new { list });
            Assert.True((int)envelope["statusCode"]! == 200, envelope.ToJsonString());
        }
    }

    /// <summary>The longest keywords allowed, all of them one letter short of matching every name, on every field.</summary>
    public static object MaximalSearch() => new
    {
        keywords = new string('a', 255) + "b",
        options = new
        {
            fuzzySearchOn = new[]
            {
                "id", "phone", "email", "name", "username", "externalId", "nickname", "company", "givenName", "familyName",
                "middleName", "profile", "preferredUsername", "website", "address", "formatted", "streetAddress", "postalCode",
                "identityNumber",
            },
            pagination = new { page = 1, limit = 50 },
        },
    };
}
