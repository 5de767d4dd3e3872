using System.Net;
using System.Text.Json.Nodes;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.OpenApi;

/// <summary>The OpenAPI document describes both schemes, and Swagger UI is served.</summary>
[Collection(SecurityCollection.Name)]
public sealed class SwaggerTests(UserPoolApiFactory api)
{
    private async Task<JsonObject> DocumentAsync()
    {
        var response = await api.CreateClient().GetAsync("/swagger/v1/swagger.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    [Fact]
    public async Task The_document_declares_the_token_pool_id_and_signature_schemes_as_headers()
    {
        var schemes = (await DocumentAsync())["components"]!["securitySchemes"]!.AsObject();

        Assert.Equal("Authorization", (string)schemes["ManagementToken"]!["name"]!);
        Assert.Equal("x-authing-userpool-id", (string)schemes["UserPoolId"]!["name"]!);
        Assert.Equal("Authorization", (string)schemes["AccessKeySignature"]!["name"]!);
        Assert.All(new[] { "ManagementToken", "UserPoolId", "AccessKeySignature" }, name =>
        {
            Assert.Equal("apiKey", (string)schemes[name]!["type"]!);
            Assert.Equal("header", (string)schemes[name]!["in"]!);
        });
    }

    [Fact]
    public async Task The_tags_are_listed_in_the_order_an_administrator_uses_them_and_the_paths_follow_it()
    {
        string[] expected = ["Authentication", "Users", "Public accounts", "Custom fields", "Organizations", "Departments", "Tenants", "System", "Health"];
        var document = await DocumentAsync();

        Assert.Equal(expected, document["tags"]!.AsArray().Select(t => (string)t!["name"]!));
        var pathTags = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (string)o.Value!["tags"]![0]!))
            .Distinct();
        Assert.Equal(expected, pathTags);
    }

    [Fact]
    public async Task The_document_lists_the_token_endpoint_and_the_authenticated_endpoints()
    {
        var paths = (await DocumentAsync())["paths"]!.AsObject();

        Assert.NotNull(paths["/api/v3/get-management-token"]?["post"]);
        Assert.NotNull(paths["/api/v3/set-custom-fields"]?["post"]);
        Assert.NotNull(paths["/api/v3/get-custom-fields"]?["get"]);
    }

    [Fact]
    public async Task Authenticated_operations_require_the_token_with_the_pool_id_so_Swagger_UI_sends_them()
    {
        var document = await DocumentAsync();
        var globalSecurity = document["security"]?.AsArray();
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (_, operation) in operations!.AsObject())
            {
                var security = operation!["security"]?.AsArray() ?? globalSecurity;
                if (!path.StartsWith("/api/v3/", StringComparison.Ordinal) || path is "/api/v3/get-management-token" or "/api/v3/system")
                {
                    continue;
                }

                Assert.NotNull(security);
                Assert.Contains(security!, requirement =>
                    requirement!.AsObject().ContainsKey("ManagementToken") && requirement.AsObject().ContainsKey("UserPoolId"));
            }
        }
    }

    [Fact]
    public async Task Swagger_UI_loads()
    {
        var response = await api.CreateClient().GetAsync("/swagger/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("swagger-ui", await response.Content.ReadAsStringAsync());
    }
}
