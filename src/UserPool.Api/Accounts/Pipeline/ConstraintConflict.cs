using Npgsql;
using UserPool.Api.Data.Configurations;
using UserPool.Api.Infrastructure;
using UserPool.Api.Validation;

namespace UserPool.Api.Accounts.Pipeline;

/// <summary>
/// The last resort when a unique index refused a write that no check can explain afterwards (e.g. two
/// spellings that .NET and PostgreSQL fold differently): answer 409 naming the field, never a 500.
/// </summary>
public static class ConstraintConflict
{
    public static ApiException From(PostgresException exception)
    {
        var (field, apiCode) = exception.ConstraintName switch
        {
            AccountConfiguration.EmailIndex => ("email", 2200),
            AccountConfiguration.PhoneIndex => ("phone", 2035),
            AccountConfiguration.UsernameIndex => ("username", 2034),
            AccountConfiguration.ExternalIdIndex => ("externalId", 2026),
            AccountIdentityConfiguration.IdentityIndex => ("identities", 2026),
            CustomFieldUniqueValueConfiguration.ValueIndex => ("customData", 2026),
            _ => ("list", 2026),
        };
        var message = RequestLanguage.Pick($"{field} 与已有账号或本批次中的其他项冲突", $"{field} conflicts with an existing account or another item of the batch");
        return ApiException.Conflict(message, apiCode, [new ItemError(null, field, ErrorCodes.AlreadyExists, message)]);
    }
}
