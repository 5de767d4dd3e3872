using Microsoft.OpenApi;
using UserPool.Api.Accounts.Pipeline;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.OpenApi;

/// <summary>
/// The answer envelope {statusCode, message, apiCode?, requestId?, data} of every *RespDto, and the failure
/// form (ErrorRespDto) with its per-item errors.
/// </summary>
internal static class EnvelopeSchemas
{
    public const string Error = "ErrorRespDto";

    public static void Describe(OpenApiDocument document)
    {
        foreach (var id in document.Components!.Schemas!.Keys.Where(id => id.EndsWith("RespDto", StringComparison.Ordinal) && id != Error))
        {
            if (document.Schema(id).Properties?["data"] is OpenApiSchema inlineData)
            {
                inlineData.NotNull();
            }

            document.Schema(id)
                .Describe("The envelope of a successful answer.")
                .Require("statusCode", "message", "data")
                .Edit("statusCode", p => p.Description = "200.")
                .Edit("message", p => { p.NotNull(); p.Description = "\"\" on success."; })
                .Edit("apiCode", p => p.Description = "Not sent on success.")
                .Edit("requestId", p => p.Description = "Not sent on success.");
        }

        document.Schema(Error)
            .Describe("A failed call. statusCode is 400, 401, 403, 404, 409, 413, 422, 429 or 5xx; apiCode is sent where Authing defines one " +
                "(e.g. 2004 user not found, 2200 e-mail taken, 2026 another unique key or unique custom field taken, 1300–1306 signature). Sent with HTTP 200 as Authing does (the Node SDK " +
                "relies on it), except 429 and 5xx, unless Api:MirrorStatusCodeInHttpStatus is true.")
            .Require("statusCode", "message", "requestId", "data")
            .Edit("message", p => p.Description = "What went wrong, in the language of x-authing-lang (zh-CN by default, or en-US).")
            .Edit("apiCode", p => p.Description = "Sent where Authing defines a code for the failure.")
            .Edit("requestId", p => p.Description = "The id of this request in the server's logs.")
            .Edit("errors", p => p.Description = "Every failing item of a batch, and the failing fields of other calls.")
            .Replace("data", new OpenApiSchema { Type = JsonSchemaType.Object | JsonSchemaType.Null, Description = "Always null." });
        document.Schema("ItemErrorDto")
            .Require("index", "field", "code", "message")
            .Edit("index", p => p.Description = "The failing item's position in list; null when the error is not about one item.")
            .Edit("field", p => p.Description = "Where, as a path: list[3].email, list[0].customData.age, options.departmentIdType.")
            .Edit("code", p => p.Description = "A stable code: required, invalid_format, invalid_value, too_long, not_supported, " +
                "duplicate_in_batch, already_exists, not_found, undefined_custom_field, custom_field_type, decryption_failed, " +
                "invisible_character and unassigned_character (an e-mail or username holding a Cf or unassigned code point), " +
                "not_possible_phone (not a possible number for its country code), …");
        document.Schema("ItemConflictDto")
            .Require("with")
            .Edit("with", p => { p.Enum(["item", "existing"]); p.Description = "Another item of the same batch (index), or a stored account (accountId)."; })
            .Edit("accountKind", p => p.Enum([AccountKindNames.Of(AccountKind.User), AccountKindNames.Of(AccountKind.PublicAccount)]));
    }
}
