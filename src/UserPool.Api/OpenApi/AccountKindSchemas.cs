using Microsoft.OpenApi;

namespace UserPool.Api.OpenApi;

/// <summary>
/// Users and public accounts share their request types (one pipeline, the kind is a parameter), so the
/// generated schemas carry the users' names. This derives the contract's other forms: the users' batch item
/// (CreateUserInfoDto: no options of its own) and every public-account request schema (no tenantIds,
/// metadataSource or identities; no withPost, withIdentities or flatCustomData), and points the operations
/// that answer public accounts at them.
/// </summary>
internal static class AccountKindSchemas
{
    /// <summary>The request schemas an operation answering public accounts takes instead of the users' ones.</summary>
    private static readonly Dictionary<string, string> PublicAccountRequests = new()
    {
        ["CreateUserBatchReqDto"] = "CreatePublicAccountBatchReqDto",
        ["CreateUserReqDto"] = "CreatePublicAccountReqDto",
        ["ListUsersRequestDto"] = "ListPublicAccountsRequestDto",
    };

    public static void Derive(OpenApiDocument document)
    {
        document.Derive("CreateUserReqDto", "CreateUserInfoDto", without: ["options"], new Dictionary<string, string>())
            .Describe(document.Schema("CreateUserReqDto").Description + " An item of create-users-batch.");
        document.Schema("CreateUserReqDto").Description += " The body of create-user, with its options beside the fields.";
        document.Retarget(document.Schema("CreateUserBatchReqDto"), new Dictionary<string, string> { ["CreateUserReqDto"] = "CreateUserInfoDto" });

        var publicForms = new Dictionary<string, string>
        {
            ["CreateUserOtpDto"] = "CreatePublicAccountOtpDto",
            ["CreateUserOptionsDto"] = "CreatePublicAccountOptionsDto",
            ["CreateUserInfoDto"] = "CreatePublicAccountReqDto",
            ["ListUsersAdvancedFilterItemDto"] = "ListPublicAccountsAdvancedFilterItemDto",
            ["ListUsersOptionsDto"] = "ListPublicAccountsOptionsDto",
        };
        document.Derive("CreateUserOtpDto", "CreatePublicAccountOtpDto", without: [], publicForms);
        document.Derive("CreateUserOptionsDto", "CreatePublicAccountOptionsDto", without: [], publicForms);
        document.Derive("CreateUserReqDto", "CreatePublicAccountReqDto", without: ["tenantIds", "metadataSource", "identities"], publicForms)
            .Describe("One public account to create: an item of create-public-accounts-batch (its own options win over the batch's) " +
                "or the body of create-public-account. At least one of email, phone and username; email, phone, username and " +
                "externalId are unique in the pool across users and public accounts." + AccountSchemas.FieldSpellings);
        document.Derive("CreateUserBatchReqDto", "CreatePublicAccountBatchReqDto", without: [], publicForms)
            .Describe(document.Schema("CreateUserBatchReqDto").Description!.Replace("create-users-batch", "create-public-accounts-batch", StringComparison.Ordinal));
        document.Derive("ListUsersAdvancedFilterItemDto", "ListPublicAccountsAdvancedFilterItemDto", without: [], publicForms);
        document.Derive("ListUsersOptionsDto", "ListPublicAccountsOptionsDto", without: ["withPost", "withIdentities", "flatCustomData"], publicForms);
        document.Derive("ListUsersRequestDto", "ListPublicAccountsRequestDto", without: [], publicForms);
        RetargetPublicAccountOperations(document);
    }

    /// <summary>An operation whose answer names PublicAccountDto takes the public-account request forms.</summary>
    private static void RetargetPublicAccountOperations(OpenApiDocument document)
    {
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            var answer = operation.Answer("200")?.Schema;
            if (answer is not OpenApiSchemaReference { Reference.Id: { } id } || !id.StartsWith("PublicAccount", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var media in operation.RequestBody?.Content?.Values ?? [])
            {
                if (media.Schema is { } schema
                    && (document.Retargeted(schema, PublicAccountRequests) ?? document.Retargeted(schema, UpdateAccountSchemas.PublicAccountRequests)) is { } publicForm)
                {
                    media.Schema = publicForm;
                }
            }
        }
    }
}
