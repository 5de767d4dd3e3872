using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.OpenApi;

/// <summary>
/// Every /api/v3 operation documents how it fails: the ErrorRespDto envelope, which comes with HTTP 200 for
/// business errors (as Authing answers), and with its real status for rate limiting (429) and server faults.
/// </summary>
public sealed class EnvelopeResponseFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.RelativePath?.StartsWith(ApiStatusPages.ApiPrefix.TrimStart('/'), StringComparison.Ordinal) != true
            || operation.Responses?.TryGetValue("200", out var success) != true || success is not OpenApiResponse ok)
        {
            return;
        }

        var error = context.SchemaGenerator.GenerateSchema(typeof(ErrorEnvelope), context.SchemaRepository);
        var enveloped = operation.Answer("200")?.Schema is OpenApiSchemaReference { Reference.Id: { } id }
            && id.EndsWith("RespDto", StringComparison.Ordinal);
        ok.Description = enveloped
            ? "Success: statusCode 200 with data. A business failure (statusCode 400, 401, 403, 404, 409, …) comes with HTTP 200 too, " +
                "shaped as ErrorRespDto: see the default answer."
            : "The answer, bare (no envelope).";
        operation.Responses!["429"] = Failure(error, "Too many requests for this pool (or, unauthenticated, this address): a real HTTP 429 " +
            "with statusCode 429 and a Retry-After header.");
        operation.Responses["default"] = Failure(error, "A failure. Business failures come with HTTP 200 (statusCode in the body) unless " +
            "Api:MirrorStatusCodeInHttpStatus is true; server faults come with their 5xx status.");
    }

    private static OpenApiResponse Failure(IOpenApiSchema error, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = error } },
    };
}
