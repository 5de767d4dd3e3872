using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using UserPool.Api.Accounts.Reading;
using UserPool.Api.CustomFields;
using UserPool.Api.Validation;

namespace UserPool.Api.OpenApi;

/// <summary>
/// The query parameters are bound as strings (booleans in any case, numbers with the SDK's error texts);
/// this documents what they hold, so Swagger UI offers the right inputs.
/// </summary>
public sealed class QueryParameterFilter : IOperationFilter
{
    private static readonly Dictionary<string, Action<OpenApiParameter>> Parameters = new()
    {
        ["userId"] = p => Set(p, String(), "What userIdType names: an account id, an externalId, a phone, an e-mail, a username, or " +
            "`<extIdpId>:<userIdInIdp>`.", required: true),
        ["userIdType"] = p => Set(p, String(AccountIdTypes.Names, "user_id"), "How userId names the account; e-mail and username are " +
            "compared case-insensitively. sync_relation and custom_field are refused (400)."),
        ["flatCustomData"] = p => Set(p, Boolean(), "Also write the custom data at the top level of the answer."),
        ["withCustomData"] = p => Set(p, Boolean(), "Answer customData."),
        ["withPost"] = p => Set(p, Boolean(), "Answer postIdList."),
        ["withIdentities"] = p => Set(p, Boolean(), "Answer identities."),
        ["withDepartmentIds"] = p => Set(p, Boolean(), "Answer departmentIds."),
        ["page"] = p => Set(p, Integer(minimum: 1, maximum: null, @default: 1), "From 1."),
        ["limit"] = p => Set(p, Integer(minimum: 1, maximum: Pagination.MaxLimit, @default: Pagination.DefaultLimit), "Accounts per page."),
        ["status"] = p => Set(p, String(Enums.Statuses), "Only accounts with this status."),
        ["updatedAtStart"] = p => Set(p, Integer(minimum: null, maximum: null, @default: null), "Only accounts updated at or after this unix time (seconds)."),
        ["updatedAtEnd"] = p => Set(p, Integer(minimum: null, maximum: null, @default: null), "Only accounts updated at or before this unix time (seconds)."),
        ["targetType"] = p => Set(p, String(CustomFieldTypes.TargetTypes), "The kind of object the fields belong to.", required: true),
        ["userIds[]"] = p => Set(p, Ids(), "The accounts to get (the Node SDK's form), in the order asked; repeat the parameter."),
        ["userIds"] = p => Set(p, Ids(), "The same as userIds[] (the form of the Python, Go and Java SDKs)."),
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query) ?? [])
        {
            if (Parameters.TryGetValue(parameter.Name ?? "", out var describe))
            {
                describe(parameter);
            }
        }
    }

    private static void Set(OpenApiParameter parameter, OpenApiSchema schema, string description, bool required = false)
    {
        parameter.Schema = schema;
        parameter.Description = description;
        parameter.Required = required;
    }

    private static OpenApiSchema String(IEnumerable<string>? values = null, string? @default = null)
    {
        var schema = new OpenApiSchema { Type = JsonSchemaType.String, Default = @default };
        if (values is not null)
        {
            schema.Enum(values);
        }

        return schema;
    }

    private static OpenApiSchema Boolean() => new() { Type = JsonSchemaType.Boolean, Default = false };

    private static OpenApiSchema Integer(int? minimum, int? maximum, int? @default) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int64",
        Minimum = minimum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Maximum = maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Default = @default is { } value ? JsonValue.Create(value) : null,
    };

    private static OpenApiSchema Ids() => new()
    {
        Type = JsonSchemaType.Array,
        Items = new OpenApiSchema { Type = JsonSchemaType.String },
        MaxItems = AccountReadRequests.MaxBatchIds,
    };
}
