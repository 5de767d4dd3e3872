using UserPool.Api.Accounts.Reading;
using UserPool.Api.Accounts.Validation;
using UserPool.Api.Infrastructure;
using UserPool.Api.Validation;

namespace UserPool.Api.Accounts.Deletion;

/// <summary>
/// A delete batch checked before the database is asked: 1..MaxBatchSize ids, a userIdType this server serves, and
/// every id well-formed for it. Every failing id is reported at once (400); nothing is looked up until all pass.
/// </summary>
public static class DeleteBatchShape
{
    public const string Field = "userIds";

    public static (AccountIdType Type, IReadOnlyList<AccountKey> Keys) Check(DeleteAccountsBatchRequest? request, int maxBatchSize)
    {
        if (request?.UserIds is not { Count: > 0 } ids)
        {
            // The SDK's deleteUsersBatch test pins this text for an empty list.
            var message = Messages.InvalidFormat(Field);
            throw ApiException.BadRequest(message, [new ItemError(null, Field, ErrorCodes.InvalidValue, message)]);
        }

        if (ids.Count > maxBatchSize)
        {
            var message = ReadMessages.TooMany(Field, maxBatchSize);
            throw ApiException.BadRequest(message, [new ItemError(null, Field, ErrorCodes.InvalidValue, message)]);
        }

        var type = IdType(request.Options?.UserIdType);
        var keys = new List<AccountKey>(ids.Count);
        var errors = new List<ItemError>();
        for (var index = 0; index < ids.Count; index++)
        {
            var path = $"{Field}[{index}]";
            if (AccountKey.TryParse(type, ids[index], path, out var key, out var refusal))
            {
                keys.Add(key);
            }
            else
            {
                errors.Add(new ItemError(index, path, refusal.Code, refusal.Message));
            }
        }

        return errors.Count > 0 ? throw ApiException.BadRequest(Lead(errors), errors) : (type, keys);
    }

    /// <summary>The first failure, and how many more the errors list holds (as a create batch words it).</summary>
    public static string Lead(IReadOnlyList<ItemError> errors) => errors[0].Message +
        (errors.Count > 1 ? RequestLanguage.Pick($"（另有 {errors.Count - 1} 个错误，见 errors）", $" ({errors.Count - 1} more in errors)") : "");

    private static AccountIdType IdType(string? raw)
    {
        try
        {
            return AccountIdTypes.Parse(raw);
        }
        catch (ApiException refused)
        {
            const string path = "options." + AccountIdTypes.Parameter;
            var code = AccountIdTypes.Names.Contains(raw, StringComparer.OrdinalIgnoreCase) ? ErrorCodes.NotSupported : ErrorCodes.InvalidValue;
            throw ApiException.BadRequest(refused.Message, [new ItemError(null, path, code, refused.Message)]);
        }
    }
}
