using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace UserPool.Api.Infrastructure;

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
                Description = "Create users and public accounts in batches. Answers use the Authing envelope " +
                    "{statusCode, message, apiCode?, requestId?, data}; business errors come with HTTP 200.",
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
            options.OperationFilter<SecurityRequirementFilter>();
            options.AddSecurityDefinition(SignatureScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "Authorization",
                Description = "The Node SDK's request signature: `authing <accessKeyId>:<base64 HMAC-SHA1>` over the method, " +
                    "the date and x-authing-* headers and the sorted parameters (see the README).",
            });
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
