using Npgsql;
using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Accounts.Pipeline;
using UserPool.Api.Accounts.Reading;
using UserPool.Api.Accounts.Validation;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;
using UserPool.Api.Validation;

namespace UserPool.Api.Accounts.Updating;

/// <summary>
/// Finds the accounts a batch names, in one statement (AccountLookup) on the connection the batch is then written on,
/// within the caller's pool and of the endpoint's kind: a userId naming another pool's account, or a public account on
/// update-user, is simply not found. An item whose account is not found, or names one an earlier item already names,
/// fails with its index.
/// </summary>
internal static class UpdateTargets
{
    public static async Task<(Account?[] Targets, bool AnyNotFound)> FindAsync(NpgsqlConnection connection, UpdateAccountsCommand command, IReadOnlyList<UpdateAccountItem> items,
        AccountIdType type, BatchErrors errors, CancellationToken ct)
    {
        var keys = new AccountKey?[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            try
            {
                keys[i] = AccountKey.Parse(type, items[i].UserId);
            }
            catch (ApiException refused)
            {
                errors.Invalid(i, "userId", string.IsNullOrEmpty(items[i].UserId) ? ErrorCodes.Required : ErrorCodes.InvalidFormat, refused.Message);
            }
        }

        var asked = keys.Where(k => k is not null).Select(k => k!).ToList();
        var found = asked.Count == 0 ? [] : await AccountLookup.FindAsync(connection, command.PoolId, command.Kind, type, asked, ct);
        var targets = new Account?[items.Count];
        var anyNotFound = false;
        var firstItemOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0, hit = 0; i < items.Count; i++)
        {
            if (keys[i] is null)
            {
                continue;
            }

            // The lookup answers in the keys' order and leaves unknown ones out; by user id a hit is recognised by its id,
            // and any other type is asked for one item only.
            var account = type == AccountIdType.UserId
                ? found.FirstOrDefault(a => a.Id == items[i].UserId)
                : hit < found.Count ? found[hit] : null;
            hit += account is null ? 0 : 1;
            if (account is null)
            {
                anyNotFound = true;
                errors.Invalid(i, "userId", ErrorCodes.NotFound, ReadMessages.NotFound(command.Kind));
            }
            else if (!firstItemOf.TryAdd(account.Id, i))
            {
                errors.DuplicateOf(i, "userId", RequestLanguage.Pick($"userId {account.Id} 与 list[{firstItemOf[account.Id]}] 重复",
                    $"userId {account.Id} duplicates list[{firstItemOf[account.Id]}]"), firstItemOf[account.Id]);
            }
            else
            {
                targets[i] = account;
            }
        }

        return (targets, anyNotFound);
    }
}
