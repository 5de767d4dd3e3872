using UserPool.Api.Accounts.Validation;
using UserPool.Api.Infrastructure;
using UserPool.Api.Validation;

namespace UserPool.Api.Accounts.Reading;

/// <summary>What the single-account and batch reads of both kinds take from their query strings.</summary>
public static class AccountReadRequests
{
    public const int MaxBatchIds = 50;

    public static AccountKey Key(string? userId, string? userIdType) => AccountKey.Parse(AccountIdTypes.Parse(userIdType), userId);

    public static IReadOnlyList<AccountKey> Keys(IReadOnlyList<string> userIds, AccountIdType type)
    {
        if (userIds.Count == 0)
        {
            // The SDK's getUserBatch and deleteUsersBatch tests pin this text for an empty list (axios sends no userIds at all).
            throw ApiException.BadRequest(Messages.InvalidFormat("userIds"));
        }

        return userIds.Count > MaxBatchIds
            ? throw ApiException.BadRequest(ReadMessages.TooMany("userIds", MaxBatchIds))
            : userIds.Select(id => AccountKey.Parse(type, id, "userIds")).ToList();
    }
}
