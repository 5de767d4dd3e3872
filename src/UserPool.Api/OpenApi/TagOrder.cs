using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace UserPool.Api.OpenApi;

/// <summary>
/// Swagger UI lists the tags in the order of the document's <c>tags</c>, which Swashbuckle sorts alphabetically;
/// that put the product's two endpoints near the bottom. This is the order an administrator uses them in:
/// sign in, the accounts, the reference data they point to, then the server's own endpoints.
/// </summary>
public sealed class TagOrder : IDocumentFilter
{
    public static readonly string[] Names =
    [
        "Authentication", "Users", "Public accounts",
        "Custom fields", "Organizations", "Departments", "Tenants",
        "System", "Health",
    ];

    /// <summary>The sort key of an operation, so the paths read in the same order as the tags.</summary>
    public static string SortKey(Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription api)
    {
        var tag = api.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Http.Metadata.ITagsMetadata>()
            .SelectMany(t => t.Tags).FirstOrDefault();
        return $"{Rank(tag):D2} {api.RelativePath}";
    }

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        var used = swaggerDoc.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name).OfType<string>();
        var tags = new SortedSet<OpenApiTag>(Comparer<OpenApiTag>.Create((a, b) =>
            (Rank(a.Name), a.Name).CompareTo((Rank(b.Name), b.Name))));
        foreach (var name in (swaggerDoc.Tags?.Select(t => t.Name).OfType<string>() ?? []).Concat(used).Distinct())
        {
            tags.Add(swaggerDoc.Tags?.FirstOrDefault(t => t.Name == name) ?? new OpenApiTag { Name = name });
        }

        swaggerDoc.Tags = tags;
    }

    /// <summary>A tag not listed goes last (alphabetically among the others), so a new feature still shows.</summary>
    private static int Rank(string? tag) => Array.IndexOf(Names, tag) is var i and >= 0 ? i : Names.Length;
}
