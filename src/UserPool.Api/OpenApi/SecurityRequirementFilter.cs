using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace UserPool.Api.OpenApi;

/// <summary>
/// Marks every authenticated operation as needing the management token together with the pool id (what
/// Swagger UI's Authorize sends), or else the Node SDK's signature; anonymous ones need nothing.
/// </summary>
public sealed class SecurityRequirementFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any())
        {
            return;
        }

        operation.Security =
        [
            new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(OpenApiSetup.TokenScheme, context.Document)] = [],
                [new OpenApiSecuritySchemeReference(OpenApiSetup.PoolIdScheme, context.Document)] = [],
            },
            new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(OpenApiSetup.SignatureScheme, context.Document)] = [],
            },
        ];
    }
}
