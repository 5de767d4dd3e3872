using Microsoft.OpenApi;
using UserPool.Api.Accounts.Reading;
using UserPool.Api.Accounts;
using UserPool.Api.Validation;

namespace UserPool.Api.OpenApi;

/// <summary>
/// The update requests' schemas under the SDK's names: the C# types give UpdateUserReqDto, UpdateUserOptionsDto and
/// UpdateUserBatchReqDto; this describes them and derives the batch item and batch options (no options, no userIdType)
/// and every public-account form (no metadata). <see cref="AccountKindSchemas"/> points the public-account operations at them.
/// </summary>
internal static class UpdateAccountSchemas
{
    public static readonly IReadOnlyDictionary<string, string> PublicAccountRequests = new Dictionary<string, string>
    {
        ["UpdateUserBatchReqDto"] = "UpdatePublicAccountBatchReqDto",
        ["UpdateUserReqDto"] = "UpdatePublicAccountReqDto",
    };

    private const string Unchanged = " A field left out, null or \"\" stays as stored; a sent field obeys the create rules.";

    public static void Describe(OpenApiDocument document, AccountsOptions accounts)
    {
        document.Schema("UpdateUserReqDto")
            .Describe("The account to change (userId, named as options.userIdType says) and the fields to change." + Unchanged + AccountSchemas.FieldSpellings)
            .Require("userId")
            .Edit("userId", p => p.NotNull())
            .Edit("status", p => { p.Enum(Enums.Statuses); p.Description = "A change moves statusChangedAt; the same status does not."; })
            .Edit("gender", p => { p.Enum(["M", "F", "U", "W"]); p.Description = "M, F or U; W is stored as F."; })
            .Edit("email", p => { p.Format = "email"; p.Description = "Unique in the pool across users and public accounts, by its key."; })
            .Edit("phone", p => p.Description = "Without the country code (phoneCountryCode, default +86); unique in the pool with it.")
            .Edit("photo", p => p.Format = "uri")
            .Edit("website", p => p.Format = "uri")
            .Edit("password", p => p.Description = "A new password: plaintext, or encrypted as options.passwordEncryptType says; stored as a hash, " +
                "never answered. It moves passwordLastSetAt.")
            .Replace("customData", SchemaEdits.AnyObject("Merged into the stored custom data key by key (defined USER fields, typed values; " +
                "unique fields stay unique)."))
            .Replace("metadata", SchemaEdits.AnyObject("Merged into the stored metadataSource key by key."));
        document.Schema("UpdateUserOptionsDto")
            .Describe("Options of an update." + AccountSchemas.FieldSpellings)
            .Edit("userIdType", p =>
            {
                p.Enum(AccountIdTypes.Names);
                p.Default = "user_id";
                p.Description = "What userId is: user_id (default), external_id, phone, email, username or identity (<extIdpId>:<userIdInIdp>). " +
                    "sync_relation and custom_field are refused (400). A single update only.";
            })
            .Edit("resetPasswordOnFirstLogin", p => p.Description = "The older spelling of resetPasswordOnNextLogin.")
            .Edit("resetPasswordOnNextLogin", p => p.Description = "Set (or clear) the must-change-password flag; unchanged when left out.")
            .Edit("passwordEncryptType", p => { p.Enum(Enums.PasswordEncryptTypes); p.Default = "none"; })
            .Edit("autoGeneratePassword", p => p.Description = "Generate a new password when none is sent (sent only through the notification).")
            .Edit("dryRun", p => p.Description = "Extension (not in Authing): run every check and answer the accounts as they would be, writing nothing.");
        document.Schema("SendResetPasswordNotificationDto")
            .Describe("Tell the account its password was changed (with the new one when generated)." + AccountSchemas.FieldSpellings)
            .Edit("inputSendEmailNotification", p => p.Description = "Not supported: refused when sent.")
            .Edit("inputSendPhoneNotification", p => p.Description = "Not supported: refused when sent.");

        var userForms = new Dictionary<string, string> { ["UpdateUserReqDto"] = "UpdateUserInfoDto", ["UpdateUserOptionsDto"] = "UpdateUserBatchOptionsDto" };
        document.Derive("UpdateUserReqDto", "UpdateUserInfoDto", without: ["options"], userForms).Describe("An item of update-user-batch." + Unchanged);
        document.Derive("UpdateUserOptionsDto", "UpdateUserBatchOptionsDto", without: ["userIdType", "resetPasswordOnFirstLogin"], userForms);
        document.Schema("UpdateUserBatchReqDto")
            .Describe($"update-user-batch: 1 to {accounts.MaxBatchSize} accounts by user id, all or none." + AccountSchemas.FieldSpellings)
            .Require("list")
            .Edit("list", list => { list.NotNull(); list.MinItems = 1; list.MaxItems = accounts.MaxBatchSize; });
        document.Retarget(document.Schema("UpdateUserBatchReqDto"), userForms);

        var publicForms = new Dictionary<string, string>
        {
            ["UpdateUserOptionsDto"] = "UpdatePublicAccountOptionsDto",
            ["UpdateUserBatchOptionsDto"] = "UpdatePublicAccountBatchOptionsDto",
            ["UpdateUserInfoDto"] = "UpdatePublicAccountInfoDto",
        };
        document.Derive("UpdateUserOptionsDto", "UpdatePublicAccountOptionsDto", without: [], publicForms);
        document.Derive("UpdateUserBatchOptionsDto", "UpdatePublicAccountBatchOptionsDto", without: [], publicForms);
        document.Derive("UpdateUserReqDto", "UpdatePublicAccountReqDto", without: ["metadata"], publicForms);
        document.Derive("UpdateUserInfoDto", "UpdatePublicAccountInfoDto", without: ["metadata"], publicForms);
        document.Derive("UpdateUserBatchReqDto", "UpdatePublicAccountBatchReqDto", without: [], publicForms)
            .Describe($"update-public-account-batch: 1 to {accounts.MaxBatchSize} public accounts by user id, all or none.");
    }
}
