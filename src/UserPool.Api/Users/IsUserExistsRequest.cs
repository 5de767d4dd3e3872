using UserPool.Api.Accounts.Reading;
using UserPool.Api.Infrastructure;
using UserPool.Api.Validation;

namespace UserPool.Api.Users;

/// <summary>
/// IsUserExistsReqDto, plus phoneCountryCode, which the SDK's description of phone refers to but its model lacks.
/// The fields given are conditions one user must meet together; each is matched as get-user matches it.
/// </summary>
public sealed record IsUserExistsRequest : StrictJsonObject
{
    /// <summary>The SDK's isUserExists test pins this text for a body with none of the fields.</summary>
    public const string NoCondition = "username, email, phone, externalId";

    public string? Username { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? ExternalId { get; init; }
    public string? PhoneCountryCode { get; init; }

    /// <summary>The conditions, or a 400 listing every malformed field (an empty string counts as not given).</summary>
    public IReadOnlyList<AccountKey> Conditions()
    {
        var errors = new List<ItemError>();
        var conditions = new List<AccountKey>();
        if (!string.IsNullOrEmpty(PhoneCountryCode) && string.IsNullOrEmpty(Phone))
        {
            errors.Add(new ItemError(null, "phone", ErrorCodes.Required, Messages.PhoneRequiredWithCountryCode));
        }

        // With a country code the phone is looked for as +<code><number>, i.e. by its key; without one, under any code.
        var phone = string.IsNullOrEmpty(PhoneCountryCode) || string.IsNullOrEmpty(Phone) ? Phone : "+" + PhoneCountryCode.TrimStart('+') + Phone;
        foreach (var (type, value, field) in new[]
        {
            (AccountIdType.Username, Username, "username"),
            (AccountIdType.Email, Email, "email"),
            (AccountIdType.Phone, phone, "phone"),
            (AccountIdType.ExternalId, ExternalId, "externalId"),
        })
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (AccountKey.TryParse(type, value, field, out var key, out var refusal))
            {
                conditions.Add(key);
            }
            else
            {
                errors.Add(new ItemError(null, field, refusal.Code, refusal.Message));
            }
        }

        if (errors.Count == 0 && conditions.Count == 0)
        {
            var message = Messages.InvalidFormat(NoCondition);
            errors.Add(new ItemError(null, "", ErrorCodes.Required, message));
        }

        return errors.Count > 0 ? throw ApiException.BadRequest(errors[0].Message, errors) : conditions;
    }
}
