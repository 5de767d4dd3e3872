using UserPool.Api.Security;

namespace UserPool.Api.OpenApi;

/// <summary>Failure answers as the server writes them (x-authing-lang: en-US), for the documented default answers.</summary>
internal static class FailureExamples
{
    /// <summary>The users sample verbatim (its encrypted password and references) on a fresh pool.</summary>
    public const string UsersSeedVerbatim = """
        {
          "statusCode": 400,
          "message": "list[0]: The password must be at most 72 bytes (UTF-8) (4 more in errors)",
          "requestId": "6b04352a7b74327ffc402aac",
          "errors": [
            { "index": 0, "field": "list[0].password", "code": "too_long", "message": "The password must be at most 72 bytes (UTF-8)" },
            { "index": 0, "field": "list[0].departmentIds[0]", "code": "not_found", "message": "Department 624d930c3xxxx5c08dd4986e does not exist" },
            { "index": 0, "field": "list[0].departmentIds[1]", "code": "not_found", "message": "Department 624d93102xxxx012f33cd2fe does not exist" },
            { "index": 0, "field": "list[0].customData.school", "code": "undefined_custom_field", "message": "Custom field school is not defined for users (see set-custom-fields)" },
            { "index": 0, "field": "list[0].customData.age", "code": "undefined_custom_field", "message": "Custom field age is not defined for users (see set-custom-fields)" }
          ],
          "data": null
        }
        """;

    /// <summary>A batch whose second item repeats the first's username, which a stored account holds too.</summary>
    public const string DuplicateInBatch = """
        {
          "statusCode": 400,
          "message": "list[1]: username BOB duplicates list[0] (2 more in errors)",
          "requestId": "6b0436787b74327ffc402ab8",
          "errors": [
            { "index": 0, "field": "list[0].username", "code": "already_exists", "message": "username bob is already used by user 6b0435297b74327ffc402aa7", "conflict": { "with": "existing", "accountId": "6b0435297b74327ffc402aa7", "accountKind": "user" } },
            { "index": 1, "field": "list[1].username", "code": "duplicate_in_batch", "message": "username BOB duplicates list[0]", "conflict": { "with": "item", "index": 0 } },
            { "index": 1, "field": "list[1].username", "code": "already_exists", "message": "username BOB is already used by user 6b0435297b74327ffc402aa7", "conflict": { "with": "existing", "accountId": "6b0435297b74327ffc402aa7", "accountKind": "user" } }
          ],
          "data": null
        }
        """;

    /// <summary>
    /// The key normalizer's refusals: [{username: "bob"}, {username: "ｂｏｂ"}, {email: "an&lt;U+200B&gt;na@example.com"},
    /// {phone: "13599930052", phoneCountryCode: "+0"}]. Full-width letters are the same username; a zero-width space and
    /// a country code no country uses are refused.
    /// </summary>
    public const string LookAlikes = """
        {
          "statusCode": 400,
          "message": "list[1]: username ｂｏｂ duplicates list[0] (2 more in errors)",
          "requestId": "6b0436787b74327ffc402abc",
          "errors": [
            { "index": 1, "field": "list[1].username", "code": "duplicate_in_batch", "message": "username ｂｏｂ duplicates list[0]", "conflict": { "with": "item", "index": 0 } },
            { "index": 2, "field": "list[2].email", "code": "invisible_character", "message": "Parameter email contains an invisible or formatting character (U+200B)" },
            { "index": 3, "field": "list[3].phoneCountryCode", "code": "invalid_format", "message": "Parameter phoneCountryCode +0 is not a country calling code" }
          ],
          "data": null
        }
        """;

    /// <summary>The public-accounts sample after the users sample ran: uniqueness spans both kinds.</summary>
    public const string TakenByAnotherAccount = """
        {
          "statusCode": 409,
          "message": "list[0]: email test@example.com is already used by user 6b0435297b74327ffc402aa7 (1 more in errors)",
          "apiCode": 2200,
          "requestId": "6b0436787b74327ffc402ab6",
          "errors": [
            { "index": 0, "field": "list[0].email", "code": "already_exists", "message": "email test@example.com is already used by user 6b0435297b74327ffc402aa7", "conflict": { "with": "existing", "accountId": "6b0435297b74327ffc402aa7", "accountKind": "user" } },
            { "index": 0, "field": "list[0].username", "code": "already_exists", "message": "username bob is already used by user 6b0435297b74327ffc402aa7", "conflict": { "with": "existing", "accountId": "6b0435297b74327ffc402aa7", "accountKind": "user" } }
          ],
          "data": null
        }
        """;

    /// <summary>keepPassword with a value that claims bcrypt's prefix but a cost no sign-in could afford.</summary>
    public const string KeptHashRefused = """
        {
          "statusCode": 400,
          "message": "list[0]: Parameter password is not a valid bcrypt hash: the cost 31 is outside 04–16",
          "requestId": "6b0436787b74327ffc402ab9",
          "errors": [
            { "index": 0, "field": "list[0].password", "code": "invalid_format", "message": "Parameter password is not a valid bcrypt hash: the cost 31 is outside 04–16" }
          ],
          "data": null
        }
        """;

    /// <summary>A single create: fields without a list[i] prefix, index null.</summary>
    public const string InvalidGender = """
        {
          "statusCode": 400,
          "message": "Parameter gender must be one of M, F, U, W",
          "requestId": "6b0436977b74327ffc402abb",
          "errors": [ { "index": null, "field": "gender", "code": "invalid_value", "message": "Parameter gender must be one of M, F, U, W" } ],
          "data": null
        }
        """;

    /// <summary>An item key that names no field, and the field it resembles.</summary>
    public const string UnknownField = """
        {
          "statusCode": 400,
          "message": "Unknown field list[0].externalID: did you mean externalId?",
          "requestId": "6b0436977b74327ffc402abc",
          "errors": [ { "index": 0, "field": "list[0].externalID", "code": "unknown_field", "message": "Unknown field list[0].externalID: did you mean externalId?" } ],
          "data": null
        }
        """;

    /// <summary>A single create's key that names no field: no list[i] prefix, index null.</summary>
    public const string UnknownFieldSingle = """
        {
          "statusCode": 400,
          "message": "Unknown field extrnalId: did you mean externalId?",
          "requestId": "6b0436977b74327ffc402abd",
          "errors": [ { "index": null, "field": "extrnalId", "code": "unknown_field", "message": "Unknown field extrnalId: did you mean externalId?" } ],
          "data": null
        }
        """;

    public const string MissingCredentials = """
        {
          "statusCode": 401,
          "message": "Missing credentials: sign the request (Node SDK) or send a management token with x-authing-userpool-id",
          "requestId": "6b0435fa7b74327ffc402ab3",
          "data": null
        }
        """;

    public const string InvalidAccessKey = """
        { "statusCode": 401, "message": "Invalid accessKeyId or accessKeySecret", "requestId": "6b0435fa7b74327ffc402ab4", "data": null }
        """;

    public const string UserNotFound = """
        { "statusCode": 404, "message": "User does not exist", "apiCode": 2004, "requestId": "6b0435fa7b74327ffc402ab5", "data": null }
        """;

    public const string Throttled = $$"""
        { "statusCode": 429, "message": "{{RateLimits.ThrottledMessage}}", "requestId": "6b0435fa7b74327ffc402ab9", "data": null }
        """;
}
