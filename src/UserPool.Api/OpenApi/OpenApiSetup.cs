using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.OpenApi;

/// <summary>
/// The OpenAPI document and Swagger UI. Two security schemes are described: the management token
/// (what a person uses in Swagger UI: call get-management-token, then Authorize with the token and the
/// pool id) and the Node SDK's request signature (documented; it cannot be produced by hand).
/// </summary>
public static class OpenApiSetup
{
    public const string TokenScheme = "ManagementToken";
    public const string PoolIdScheme = "UserPoolId";
    public const string SignatureScheme = "AccessKeySignature";

    public static WebApplicationBuilder AddUserPoolOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "UserPool — Authing V3 management API",
                Version = "v1",
                Description = "Create users and public accounts in batches, read them, and keep the custom fields, organizations, " +
                    "departments and tenants they refer to. Schemas carry the Authing SDKs' model names. Every answer is the " +
                    "Authing envelope {statusCode, message, apiCode?, requestId?, data}; a business failure comes with HTTP 200 " +
                    "and statusCode ≠ 200 (ErrorRespDto, whose `errors` list every failing item).\n\n" +
                    "To call the API from this page: POST /api/v3/get-management-token with your access key, then Authorize " +
                    "with `Bearer <access_token>` as ManagementToken and the pool id (the token's scoped_userpool_id) as UserPoolId.",
            });
            options.AddSecurityDefinition(TokenScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "Authorization",
                Description = "The access_token from POST /api/v3/get-management-token, as `Bearer <token>` or bare.",
            });
            options.AddSecurityDefinition(PoolIdScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "x-authing-userpool-id",
                Description = "The user pool id; must match the token's scoped_userpool_id.",
            });
            options.AddSecurityDefinition(SignatureScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "Authorization",
                Description = "The Node SDK's request signature: `authing <accessKeyId>:<base64 HMAC-SHA1>` over the method, " +
                    "the date and x-authing-* headers and the sorted parameters (see the README).",
            });
            options.CustomSchemaIds(ContractSchemaIds.For);
            options.SupportNonNullableReferenceTypes();
            options.DescribeAllParametersInCamelCase();
            // JSON passed through as the client sent it (customData, metadata, …): any JSON, typed per property.
            options.MapType<RawJson>(() => new OpenApiSchema());
            options.MapType<JsonElement>(() => new OpenApiSchema());
            options.OperationFilter<SecurityRequirementFilter>();
            options.OperationFilter<QueryParameterFilter>();
            options.OperationFilter<EnvelopeResponseFilter>();
            options.OperationFilter<OperationExamplesFilter>();
            options.DocumentFilter<ContractDocumentFilter>();
            options.OrderActionsBy(TagOrder.SortKey);
            options.DocumentFilter<TagOrder>();
        });
        return builder;
    }

    public static WebApplication UseUserPoolOpenApi(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ApiOptions>>().Value.SwaggerEnabled)
        {
            app.UseSwagger();
            app.UseSwaggerUI(ui => ui.EnablePersistAuthorization());
        }

        return app;
    }
}
