using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace UserPool.Api.OpenApi;

/// <summary>
/// Small edits of generated component schemas, by name. Each one fails loudly when the schema or property it
/// names is missing, so a renamed C# property cannot silently drop a contract fact from the document.
/// </summary>
internal static class SchemaEdits
{
    public static OpenApiSchema Schema(this OpenApiDocument document, string id) =>
        document.Components?.Schemas?.TryGetValue(id, out var schema) == true && schema is OpenApiSchema concrete
            ? concrete
            : throw new InvalidOperationException($"OpenAPI schema {id} is not in the document");

    public static OpenApiSchema Describe(this OpenApiSchema schema, string description)
    {
        schema.Description = description;
        return schema;
    }

    /// <summary>
    /// The contract's non-optional fields, and only those: it replaces what C# nullability and `required`
    /// members suggested.
    /// </summary>
    public static OpenApiSchema Require(this OpenApiSchema schema, params string[] names)
    {
        foreach (var name in names)
        {
            _ = schema.PropertyNamed(name);
        }

        schema.Required = new HashSet<string>(names);
        return schema;
    }

    /// <summary>Edits an inline property schema.</summary>
    public static OpenApiSchema Edit(this OpenApiSchema schema, string name, Action<OpenApiSchema> edit)
    {
        edit(schema.PropertyNamed(name) as OpenApiSchema
            ?? throw new InvalidOperationException($"OpenAPI property {name} is a reference; replace it instead"));
        return schema;
    }

    /// <summary>Edits several inline properties the same way.</summary>
    public static OpenApiSchema EditAll(this OpenApiSchema schema, IEnumerable<string> names, Action<OpenApiSchema> edit)
    {
        foreach (var name in names)
        {
            schema.Edit(name, edit);
        }

        return schema;
    }

    public static OpenApiSchema Replace(this OpenApiSchema schema, string name, IOpenApiSchema replacement)
    {
        _ = schema.PropertyNamed(name);
        schema.Properties![name] = replacement;
        return schema;
    }

    /// <summary>A copy under another name, without some properties and with references to other schemas swapped.</summary>
    public static OpenApiSchema Derive(
        this OpenApiDocument document, string from, string to, string[] without, IReadOnlyDictionary<string, string> retarget)
    {
        var source = document.Schema(from);
        var copy = (OpenApiSchema)source.CreateShallowCopy();
        copy.Properties = new Dictionary<string, IOpenApiSchema>(source.Properties ?? new Dictionary<string, IOpenApiSchema>());
        copy.Required = new HashSet<string>(source.Required ?? new HashSet<string>());
        foreach (var name in without)
        {
            _ = copy.PropertyNamed(name);
            copy.Properties.Remove(name);
            copy.Required.Remove(name);
        }

        document.Retarget(copy, retarget);
        document.Components!.Schemas![to] = copy;
        return copy;
    }

    /// <summary>Points a schema's references (direct or as array items) at other schemas.</summary>
    public static void Retarget(this OpenApiDocument document, OpenApiSchema schema, IReadOnlyDictionary<string, string> retarget)
    {
        foreach (var (name, property) in schema.Properties?.ToList() ?? [])
        {
            if (document.Retargeted(property, retarget) is { } replacement)
            {
                schema.Properties![name] = replacement;
            }
        }
    }

    /// <summary>The reference (or array of references) pointed at its new target, or null when nothing changes.</summary>
    public static IOpenApiSchema? Retargeted(this OpenApiDocument document, IOpenApiSchema schema, IReadOnlyDictionary<string, string> retarget) =>
        schema switch
        {
            OpenApiSchemaReference reference when retarget.TryGetValue(reference.Reference.Id ?? "", out var target) =>
                new OpenApiSchemaReference(target, document),
            OpenApiSchema { Items: { } items } array when document.Retargeted(items, retarget) is { } newItems =>
                WithItems(array, newItems),
            _ => null,
        };

    public static void Enum(this OpenApiSchema schema, IEnumerable<string> values) =>
        schema.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();

    public static void NotNull(this OpenApiSchema schema) => schema.Type &= ~JsonSchemaType.Null;

    public static OpenApiSchema AnyObject(string description) => new()
    {
        Type = JsonSchemaType.Object | JsonSchemaType.Null,
        AdditionalPropertiesAllowed = true,
        Description = description,
    };

    public static OpenApiSchema ArrayOf(IOpenApiSchema items, string description) => new()
    {
        Type = JsonSchemaType.Array | JsonSchemaType.Null,
        Items = items,
        Description = description,
    };

    private static OpenApiSchema WithItems(OpenApiSchema array, IOpenApiSchema items)
    {
        var copy = (OpenApiSchema)array.CreateShallowCopy();
        copy.Items = items;
        return copy;
    }

    /// <summary>The media type of an operation's answer with this status, if documented.</summary>
    public static OpenApiMediaType? Answer(this OpenApiOperation operation, string status, string mediaType = "application/json") =>
        operation.Responses is { } responses && responses.TryGetValue(status, out var response)
            && response.Content is { } content && content.TryGetValue(mediaType, out var media)
            ? media
            : null;

    private static IOpenApiSchema PropertyNamed(this OpenApiSchema schema, string name) =>
        schema.Properties?.TryGetValue(name, out var property) == true
            ? property
            : throw new InvalidOperationException(
                $"OpenAPI schema has no property {name} (it has {string.Join(", ", schema.Properties?.Keys ?? [])})");
}
