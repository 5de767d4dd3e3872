using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace UserPool.Api.OpenApi;

/// <summary>
/// Request bodies Swagger UI pre-fills (the first example of each), and example answers, by operation id.
/// The account examples are the product documents' samples (<see cref="SeedExamples"/>); the reference-data
/// ones chain so the second users example works after them.
/// </summary>
public sealed class OperationExamplesFilter : IOperationFilter
{
    private sealed record Example(string Name, string Summary, Func<JsonNode> Value, string? Description = null);

    private const string Json = "application/json";
    private const string SeedNote = "Uniqueness spans users and public accounts in a pool: edit email, phone, username and externalId " +
        "(and the identity's userIdInIdp) to run it again.";

    private static readonly Dictionary<string, Example[]> Requests = new()
    {
        ["createUsersBatch"] =
        [
            new("seed", "The users sample of the Authing docs", () => JsonNode.Parse(SeedExamples.UsersBatch)!,
                "批量创建用户's Python sample as this API's JSON: camelCase keys; passwordEncryptType and resetPasswordOnFisrtLogin " +
                "moved to options; tenant_ids \"undefined\" left out; the phone's xxxx filled in; a plaintext password instead of a " +
                "ciphertext made with Authing's key; departmentIds and customData left out (see the next example). " + SeedNote),
            new("seedWithDepartmentsAndCustomData", "The same, with the sample's customData and a department",
                SeedExamples.UsersBatchWithReferences,
                "Works after the set-custom-fields, create-organization and create-department examples: the custom fields school " +
                "and age must be defined, and the department is named by its code (departmentIdType code). " + SeedNote),
        ],
        ["createUser"] = [new("seed", "The users sample, one user", () => SeedExamples.Single(SeedExamples.UsersBatch), SeedNote)],
        ["createPublicAccountsBatch"] =
        [
            new("seed", "The public-accounts sample of the Authing docs", () => JsonNode.Parse(SeedExamples.PublicAccountsBatch)!,
                "\"Create public accounts in batches\" sample as printed (\"pr eferredUsername\" mended). " + SeedNote),
        ],
        ["createPublicAccount"] =
        [
            new("seed", "The public-accounts sample, one account", () => SeedExamples.Single(SeedExamples.PublicAccountsBatch), SeedNote),
        ],
        ["getManagementToken"] =
        [
            new("accessKey", "An access key", () => new JsonObject { ["accessKeyId"] = "<accessKeyId>", ["accessKeySecret"] = "<accessKeySecret>" },
                "The key printed when the pool was created, or one of `keys create`."),
        ],
        ["setCustomFields"] =
        [
            new("seedFields", "The custom fields of the users sample", () => JsonNode.Parse("""
                {"list": [
                  {"targetType": "USER", "key": "school", "dataType": "STRING", "label": "School"},
                  {"targetType": "USER", "key": "age", "dataType": "NUMBER", "label": "Age"}
                ]}
                """)!),
        ],
        ["createOrganization"] =
        [
            new("organization", "An organization", () => new JsonObject { ["organizationName"] = "Steamory", ["organizationCode"] = "steamory" }),
        ],
        ["createDepartment"] =
        [
            new("department", "A department under the root", () => new JsonObject
            {
                ["organizationCode"] = "steamory", ["name"] = "Engineering", ["parentDepartmentId"] = "root", ["code"] = "engineering",
            }),
        ],
        ["createTenant"] = [new("tenant", "A tenant", () => new JsonObject { ["name"] = "Steamory", ["appIds"] = new JsonArray() })],
        ["listUsers"] =
        [
            new("activeNewestFirst", "Activated users, newest first, with their collections", () => JsonNode.Parse("""
                {"advancedFilter": [{"field": "status", "operator": "EQUAL", "value": "Activated"}],
                 "options": {"pagination": {"page": 1, "limit": 10}, "sort": [{"field": "createdAt", "order": "desc"}],
                             "withCustomData": true, "withIdentities": true, "withDepartmentIds": true}}
                """)!),
        ],
        ["listPublicAccounts"] =
        [
            new("firstPage", "The first page, with custom data", () => JsonNode.Parse("""
                {"options": {"pagination": {"page": 1, "limit": 10}, "withCustomData": true}}
                """)!),
        ],
    };

    private static readonly Dictionary<string, Func<JsonNode>> Answers = new()
    {
        ["createUsersBatch"] = () => Success(new JsonArray(JsonNode.Parse(SeedAnswers.CreatedUser))),
        ["createUser"] = () => Success(JsonNode.Parse(SeedAnswers.CreatedUser)),
        ["createPublicAccountsBatch"] = () => Success(new JsonArray(JsonNode.Parse(SeedAnswers.CreatedPublicAccount))),
        ["createPublicAccount"] = () => Success(JsonNode.Parse(SeedAnswers.CreatedPublicAccount)),
    };

    private static readonly Example TakenByAnotherAccount = new("taken", "E-mail and username taken (409)",
        () => JsonNode.Parse(FailureExamples.TakenByAnotherAccount)!, "The public-accounts sample after the users sample ran.");

    private static readonly Example DuplicateInBatch = new("duplicateInBatch", "Two items share a username (400)",
        () => JsonNode.Parse(FailureExamples.DuplicateInBatch)!, "Every failing item is listed, with what it collides with.");

    private static readonly Example LookAlikes = new("lookAlikes", "Look-alike, invisible and impossible keys (400)",
        () => JsonNode.Parse(FailureExamples.LookAlikes)!,
        "E-mail, username and phone are compared by their canonical keys (width, NFC, lower case, IDNA; phones parsed with " +
        "libphonenumber); invisible/formatting and unassigned characters, unknown country codes and impossible numbers are refused.");

    private static readonly Example InvalidGender = new("invalidGender", "An invalid field (400)", () => JsonNode.Parse(FailureExamples.InvalidGender)!);

    private const string UnknownFieldNote = "Fields are read in camelCase and in snake_case (external_id); any other key of an item, " +
        "identity, otp, options or sendNotification is refused with its path and the nearest field, and one field in both spellings " +
        "is refused as duplicate_field. With the server's Api:UnknownFields set to Ignore, unknown keys are skipped instead.";

    private static readonly Example UnknownField = new("unknownField", "A key that names no field (400)",
        () => JsonNode.Parse(FailureExamples.UnknownField)!, UnknownFieldNote);

    private static readonly Example UnknownFieldSingle = new("unknownField", "A key that names no field (400)",
        () => JsonNode.Parse(FailureExamples.UnknownFieldSingle)!, UnknownFieldNote);

    private static readonly Dictionary<string, Example[]> Failures = new()
    {
        ["createUsersBatch"] =
        [
            new("seedVerbatim", "The users sample as printed (400)", () => JsonNode.Parse(FailureExamples.UsersSeedVerbatim)!,
                "Its password is a ciphertext made with Authing's key, and its departments and custom fields do not exist."),
            DuplicateInBatch,
            LookAlikes,
            TakenByAnotherAccount,
            UnknownField,
            new("keptHashRefused", "A kept hash that claims a format and does not parse (400)", () => JsonNode.Parse(FailureExamples.KeptHashRefused)!,
                "With options.keepPassword a value that begins as a known format must parse as it, within its cost bounds (README: Kept password hashes)."),
        ],
        ["createUser"] = [InvalidGender, TakenByAnotherAccount, UnknownFieldSingle],
        ["createPublicAccountsBatch"] = [TakenByAnotherAccount, DuplicateInBatch, LookAlikes, UnknownField],
        ["createPublicAccount"] = [InvalidGender, TakenByAnotherAccount, UnknownFieldSingle],
        ["getUser"] = [new("notFound", "No such user (404)", () => JsonNode.Parse(FailureExamples.UserNotFound)!)],
        ["getManagementToken"] = [new("invalidKey", "Wrong key or secret (401)", () => JsonNode.Parse(FailureExamples.InvalidAccessKey)!)],
    };

    private static readonly Example MissingCredentials = new("missingCredentials", "No token or signature (401)",
        () => JsonNode.Parse(FailureExamples.MissingCredentials)!);

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var id = operation.OperationId ?? "";
        if (Requests.TryGetValue(id, out var requests) && operation.RequestBody?.Content is { } content && content.TryGetValue(Json, out var body))
        {
            body.Examples = Named(requests);
        }

        if (Answers.TryGetValue(id, out var answer) && Media(operation, "200") is { } ok)
        {
            ok.Example = answer();
        }

        if (Media(operation, "default") is { } failure)
        {
            var failures = Failures.GetValueOrDefault(id) ?? (operation.Security?.Count > 0 ? [MissingCredentials] : []);
            failure.Examples = failures.Length == 0 ? null : Named(failures);
        }

        if (Media(operation, "429") is { } throttled)
        {
            throttled.Example = JsonNode.Parse(FailureExamples.Throttled);
        }
    }

    private static JsonObject Success(JsonNode? data) => new() { ["statusCode"] = 200, ["message"] = "", ["data"] = data };

    private static OpenApiMediaType? Media(OpenApiOperation operation, string status) => operation.Answer(status);

    private static Dictionary<string, IOpenApiExample> Named(IEnumerable<Example> examples) =>
        examples.ToDictionary(e => e.Name, e => (IOpenApiExample)new OpenApiExample { Summary = e.Summary, Description = e.Description, Value = e.Value() });
}
