using Microsoft.OpenApi;
using UserPool.Api.Accounts;
using UserPool.Api.Accounts.Reading;
using UserPool.Api.Infrastructure;
using UserPool.Api.Validation;

namespace UserPool.Api.OpenApi;

/// <summary>
/// Contract §4 facts about the account schemas that the C# types cannot carry: enums, requiredness, formats
/// and what the fields mean. Written on the users' names; <see cref="AccountKindSchemas"/> copies them to the
/// public-account forms afterwards.
/// </summary>
internal static class AccountSchemas
{
    public static readonly string[] AnswerSchemas = ["UserDto", "PublicAccountDto"];

    /// <summary>How the keys of the create-accounts request objects are read (<see cref="JsonFieldRules"/>).</summary>
    public const string FieldSpellings = " Each field is also read under its snake_case name (external_id, as in the Authing docs' " +
        "Python sample); answers use camelCase. One field in both spellings, or a key that names no field, is a 400 " +
        "(duplicate_field, unknown_field) naming its path and the nearest field; unknown keys are skipped instead when the " +
        "server's Api:UnknownFields is Ignore.";

    private static readonly string[] InputGenders = ["M", "F", "U", "W"];
    private static readonly string[] AnswerGenders = ["M", "F", "U"];

    public static void Describe(OpenApiDocument document, AccountsOptions accounts)
    {
        DescribeItem(document.Schema("CreateUserReqDto"), accounts);
        DescribeOptions(document);
        document.Schema("CreateUserBatchReqDto")
            .Describe($"create-users-batch: 1 to {accounts.MaxBatchSize} accounts and the options that apply to all of them." + FieldSpellings)
            .Require("list")
            .Edit("list", list =>
            {
                list.NotNull();
                list.MinItems = 1;
                list.MaxItems = accounts.MaxBatchSize;
                list.Description = "The accounts to create, all or none.";
            });
        document.Schema("CreateIdentityDto")
            .Describe("An external identity to bind. The SDK's type also requires userInfoInIdp and originConnIds; they are optional here (Go sends null)." +
                FieldSpellings)
            .Require("extIdpId", "provider", "type", "userIdInIdp")
            .Edit("provider", p => p.Enum(Enums.Providers))
            .Edit("type", p => p.Description = "Identity type, e.g. openid, unionid, primary.")
            .Replace("userInfoInIdp", SchemaEdits.AnyObject("The profile the provider answered."))
            .Edit("accessToken", p => p.Description = "Stored encrypted; never answered.")
            .Edit("refreshToken", p => p.Description = "Stored encrypted; never answered.");
        document.Schema("CreateUserOtpDto")
            .Describe("An existing TOTP secret to import. Go's empty {\"secret\":\"\"} means none." + FieldSpellings)
            .Require("secret");
        foreach (var name in AnswerSchemas)
        {
            DescribeAnswer(document.Schema(name));
        }

        document.Schema("IdentityDto")
            .Describe("A bound external identity. Provider tokens are never answered.")
            .Require("identityId", "extIdpId", "provider", "type", "userIdInIdp", "userInfoInIdp", "originConnIds")
            .Edit("provider", p => p.Enum(Enums.Providers))
            .Replace("userInfoInIdp", SchemaEdits.AnyObject("The profile the provider answered ({} when none was given)."));
        foreach (var paging in new[] { "UserPagingDto", "PublicAccountPagingDto" })
        {
            document.Schema(paging).Require("totalCount", "list").Edit("list", p => p.NotNull());
        }

        DescribeListRequest(document);
    }

    private static void DescribeItem(OpenApiSchema item, AccountsOptions accounts)
    {
        item.Describe("One account to create. At least one of email, phone and username; email, phone, username and externalId " +
                "are unique in the pool across users and public accounts." + FieldSpellings)
            .Edit("status", p => { p.Enum(Enums.Statuses); p.Description = "Default Activated."; })
            .Edit("email", p =>
            {
                p.Format = "email";
                p.Description = "Unique in the pool by its key: trimmed, local part width-mapped, NFC and lower-cased, domain through " +
                    "IDNA (bücher.example = xn--bcher-kva.example). Stored and answered as sent, trimmed. Invisible/formatting " +
                    "(invisible_character) and unassigned (unassigned_character) code points are refused.";
            })
            .Edit("phone", p => p.Description = "Without the country code; spaces, dashes, dots and parentheses are tolerated. Must be a " +
                "possible number for its country (libphonenumber; else not_possible_phone). Stored and answered as its national number; " +
                "unique in the pool with its country code.")
            .Edit("phoneCountryCode", p => p.Description = "Such as +86 (mainland China, the default); +086 and +0086 are +86; +0 and " +
                "codes no country uses are refused. Stored and answered normalized. Needs phone.")
            .Edit("username", p => p.Description = "Unique in the pool by its key (RFC 8265 UsernameCaseMapped mappings: width, NFC, " +
                "lower case; spaces inside and punctuation accepted). Stored and answered as sent, trimmed. Invisible/formatting and " +
                "unassigned code points are refused.")
            .Edit("externalId", p => p.Description = "An id in another system; unique in the pool.")
            .Edit("gender", p => { p.Enum(InputGenders); p.Description = "M, F or U (default). W, from older Authing docs, is accepted and stored as F."; })
            .Edit("photo", p => { p.Format = "uri"; p.Description = $"An http(s) URL; {accounts.DefaultPhotoUrl} when absent."; })
            .Edit("website", p => p.Format = "uri")
            .Edit("birthdate", p => p.Description = "A date (2022-07-08) or an ISO 8601 date-time.")
            .Edit("password", p => p.Description = "Plaintext (one line, no control characters, at most 72 UTF-8 bytes; stored as a BCrypt hash) " +
                "unless options.passwordEncryptType says rsa or sm2 (encrypted with the keys of GET /api/v3/system; the decrypted text obeys " +
                "the same rules and must not be empty), or options.keepPassword stores it as given: a hash from another system. A kept " +
                "value that begins as a known format (bcrypt $2b$, $argon2id$, $pbkdf2-sha256$, pbkdf2_sha256$, $scrypt$, $firescrypt$, " +
                "$5$, $6$, $1$, $P$, {SSHA}, $sha256$, …) must parse as it within its cost bounds, or the item is refused (invalid_format); " +
                "other values are kept and recorded as unknown. With keepPassword and rsa/sm2 the decrypted value must be a hash of a known format.")
            .Edit("salt", p => p.Description = "With options.keepPassword: the salt of the imported hash.")
            .Edit("departmentIds", p => p.Description = "Departments to join, named as options.departmentIdType says.")
            .Replace("customData", SchemaEdits.AnyObject("Custom field values; each key must be defined first (set-custom-fields, targetType USER), " +
                "with a value of its dataType. Strings at most 1024 characters."))
            .Edit("tenantIds", p => p.Description = "Tenants to join (tenantId of create-tenant).")
            .Replace("metadataSource", SchemaEdits.AnyObject("Data-object fields."))
            .Edit("passwordEncryptType", p =>
            {
                p.Enum(Enums.PasswordEncryptTypes);
                p.Deprecated = true;
                p.Description = "Older Authing docs' per-item form of options.passwordEncryptType; accepted, and wins over the options.";
            })
            .Edit("resetPasswordOnFisrtLogin", p =>
            {
                p.Deprecated = true;
                p.Description = "Older Authing docs' per-item (misspelt) form of options.resetPasswordOnFirstLogin; accepted.";
            });
    }

    private static void DescribeOptions(OpenApiDocument document)
    {
        document.Schema("CreateUserOptionsDto")
            .Describe("Options of a create call. In a public-account batch an item's own options win over the batch's." + FieldSpellings)
            .Edit("keepPassword", p => p.Description = "Store password as given (a hash from another system, with salt) instead of hashing it: for migrations. " +
                "The formats recognised, their bounds and the algorithm recorded are listed in the README (Kept password hashes); a value " +
                "that claims a format and does not parse is refused (400, invalid_format, naming the format).")
            .Edit("autoGeneratePassword", p => p.Description = "Generate a password for accounts created without one.")
            .Edit("resetPasswordOnFirstLogin", p => p.Description = "Require a new password at the first login.")
            .Edit("departmentIdType", p =>
            {
                p.Enum(Enums.DepartmentIdTypes);
                p.Default = "department_id";
                p.Description = "How departmentIds name departments: department_id (default), open_department_id or code. " +
                    "sync_relation and custom_field are refused (400).";
            })
            .Edit("passwordEncryptType", p =>
            {
                p.Enum(Enums.PasswordEncryptTypes);
                p.Default = "none";
                p.Description = "none (plaintext), rsa (PKCS#1 v1.5, base64) or sm2 (C1C3C2, hex), with the public keys of GET /api/v3/system.";
            })
            .Edit("dryRun", p => p.Description = "Extension (not in Authing): run every check and answer as if created, writing nothing. Batch level only.");
        document.Schema("SendCreateAccountNotificationDto")
            .Describe("Whether to tell the new accounts their login details." + FieldSpellings)
            .Edit("sendEmailNotification", p => p.Description = "E-mail accounts that have an e-mail address.")
            .Edit("sendPhoneNotification", p => p.Description = "Send an SMS to accounts that have a phone.")
            .Edit("appId", p => p.Description = "The application whose login address the message carries.");
    }

    private static void DescribeAnswer(OpenApiSchema account) =>
        account
            .Require("userId", "createdAt", "updatedAt", "status", "workStatus", "gender", "emailVerified", "phoneVerified", "userSourceType")
            .Edit("userId", p => p.Description = "The account id (null in a dryRun answer: nothing was written).")
            .Edit("status", p => p.Enum(Enums.Statuses))
            .Edit("workStatus", p => p.Enum(FilterFields.WorkStatuses))
            .Edit("gender", p => p.Enum(AnswerGenders))
            .Edit("userSourceType", p => { p.Enum(FilterFields.UserSourceTypes); p.Description = "adminCreated for accounts created through this API."; })
            .Edit("email", p => p.Format = "email")
            .Edit("photo", p => p.Format = "uri")
            .Edit("website", p => p.Format = "uri")
            .Edit("lastLogin", p => p.Description = "null for a new account.")
            .Edit("lastIp", p => p.Description = "null for a new account.")
            .Edit("departmentIds", p => p.Description = "With withDepartmentIds (always in create answers); null otherwise.")
            .Replace("customData", SchemaEdits.AnyObject("With withCustomData (always in create answers), values typed as defined; null otherwise."));

    private static void DescribeListRequest(OpenApiDocument document)
    {
        document.Schema("ListUsersRequestDto")
            .Describe("A page of accounts, filtered, searched and sorted.")
            .Edit("keywords", p => p.Description = "A case-insensitive substring of any options.fuzzySearchOn field.")
            .Replace("searchQuery", SchemaEdits.AnyObject("Not supported; leave it out."));
        document.Schema("ListUsersAdvancedFilterItemDto")
            .Describe("One filter; all of them must match.")
            .Require("field", "operator")
            .Edit("field", p => p.Description = "An account field such as status, email, createdAt or loginsCount.")
            .Edit("operator", p => p.Enum(FilterOperators.Names))
            .Edit("value", p => p.Description = "A value, an array (IN) or a [low, high] pair (BETWEEN); bounds included. None for IS_NULL and NOT_NULL.");
        document.Schema("ListUsersOptionsDto")
            .Edit("fuzzySearchOn", p =>
            {
                p.Items = new OpenApiSchema { Type = JsonSchemaType.String };
                ((OpenApiSchema)p.Items).Enum(Keywords.SearchableFields);
                p.Description = $"The fields keywords look in; default {string.Join(", ", Keywords.DefaultFields)}.";
            });
        document.Schema("SortingDto")
            .Require("field", "order")
            .Edit("field", p => p.Enum(SortFields.Names))
            .Edit("order", p => p.Enum(["asc", "desc"]));
        document.Schema("PaginationDto")
            .Replace("page", new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Default = 1 })
            .Replace("limit", new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Maximum = $"{Pagination.MaxLimit}", Default = Pagination.DefaultLimit });
    }
}
