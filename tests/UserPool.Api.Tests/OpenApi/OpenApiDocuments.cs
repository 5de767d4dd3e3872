using System.Net;
using System.Text.Json.Nodes;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.OpenApi;

/// <summary>The served OpenAPI document and the parts of it the tests read.</summary>
public static class OpenApiDocuments
{
    public static async Task<JsonObject> DocumentAsync(this UserPoolApiFactory api)
    {
        using var http = api.CreateClient();
        var response = await http.GetAsync("/swagger/v1/swagger.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public static JsonObject Schema(this JsonObject document, string name) =>
        document["components"]!["schemas"]![name]?.AsObject() ?? throw new Xunit.Sdk.XunitException($"no schema {name}");

    public static JsonObject Property(this JsonObject document, string schema, string property) =>
        document.Schema(schema)["properties"]![property]?.AsObject() ?? throw new Xunit.Sdk.XunitException($"no property {schema}.{property}");

    public static JsonObject Operation(this JsonObject document, string method, string path) =>
        document["paths"]![path]?[method]?.AsObject() ?? throw new Xunit.Sdk.XunitException($"no operation {method} {path}");

    public static IEnumerable<(string Method, string Path, JsonObject Operation)> Operations(this JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(op => (op.Key, path.Key, op.Value!.AsObject())));

    public static string? RefName(this JsonNode? schema) => ((string?)schema?["$ref"])?.Split('/')[^1];

    public static JsonObject RequestExample(this JsonObject operation, string name) =>
        operation["requestBody"]!["content"]!["application/json"]!["examples"]![name]!["value"]!.AsObject();

    public static string[] Strings(this JsonNode? array) => array?.AsArray().Select(v => (string)v!).ToArray() ?? [];
}
