using Microsoft.OpenApi;
using UserPool.Api.Accounts;
using UserPool.Api.Accounts.Reading;

namespace UserPool.Api.OpenApi;

/// <summary>
/// The delete and existence schemas: DeleteUsersBatchDto and its options (shared by both kinds in C#, so the
/// public-account forms are derived here and the public-account delete is pointed at them), IsSuccessDto and the
/// is-user-exists request.
/// </summary>
internal static class AccountDeleteSchemas
{
    private const string Spellings = " Each field is also read under its snake_case name; a key that names no field is a 400 (unknown_field).";

    public static void Describe(OpenApiDocument document, AccountsOptions accounts)
    {
        document.Schema("DeleteUsersBatchOptionsDto")
            .Describe("Options of a batch delete." + Spellings)
            .Edit("userIdType", p =>
            {
                p.Enum(AccountIdTypes.Names);
                p.Default = "user_id";
                p.Description = "What userIds are: user_id (default), external_id, phone, email, username (e-mail and username " +
                    "case-insensitive) or identity (`<extIdpId>:<userIdInIdp>`). sync_relation and custom_field are refused (400).";
            })
            .Edit("dryRun", p => p.Description = "Extension: run every check (ids well-formed, every account found) and answer as if " +
                "deleted, deleting nothing.");
        document.Schema("DeleteUsersBatchDto")
            .Describe($"delete-users-batch: 1 to {accounts.MaxBatchSize} users, all or none." + Spellings)
            .Require("userIds")
            .Edit("userIds", list =>
            {
                list.NotNull();
                list.MinItems = 1;
                list.MaxItems = accounts.MaxBatchSize;
                list.Description = "The accounts to delete, as options.userIdType names them; each must name a distinct account.";
            });
        var publicForms = new Dictionary<string, string> { ["DeleteUsersBatchOptionsDto"] = "DeletePublicAccountsBatchOptionsDto" };
        document.Derive("DeleteUsersBatchOptionsDto", "DeletePublicAccountsBatchOptionsDto", without: [], publicForms);
        document.Derive("DeleteUsersBatchDto", "DeletePublicAccountsBatchDto", without: [], publicForms)
            .Describe($"delete-public-accounts-batch: 1 to {accounts.MaxBatchSize} public accounts, all or none." + Spellings);
        var publicDelete = document.Paths["/api/v3/delete-public-accounts-batch"].Operations![HttpMethod.Post];
        publicDelete.RequestBody!.Content!["application/json"].Schema = new OpenApiSchemaReference("DeletePublicAccountsBatchDto", document);

        document.Schema("IsSuccessDto").Require("success").Edit("success", p => p.Description = "true: every account named is deleted.");
        document.Schema("IsUserExistsDto").Require("exists").Edit("exists", p => p.Description = "Whether one user has every field given.");
        document.Schema("IsUserExistsReqDto")
            .Describe("The fields one user must all have; at least one of username, email, phone and externalId." + Spellings)
            .Require()
            .Edit("phoneCountryCode", p => p.Description = "Extension: the phone's country code (e.g. +86); without it the phone " +
                "matches under any country code.");
    }
}
