using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using UserPool.Api.Accounts;

namespace UserPool.Api.OpenApi;

/// <summary>
/// Brings the generated schemas to the contract (§4): requiredness, enums, formats and meanings, then the
/// per-kind forms of the shared account types.
/// </summary>
public sealed class ContractDocumentFilter(IOptions<AccountsOptions> accounts) : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        EnvelopeSchemas.Describe(swaggerDoc);
        AccountSchemas.Describe(swaggerDoc, accounts.Value);
        UpdateAccountSchemas.Describe(swaggerDoc, accounts.Value);
        ReferenceDataSchemas.Describe(swaggerDoc);
        AccountKindSchemas.Derive(swaggerDoc);
        AccountDeleteSchemas.Describe(swaggerDoc, accounts.Value);

        // Unknown properties are ignored on input rather than refused, so no schema is closed.
        foreach (var schema in swaggerDoc.Components!.Schemas!.Values.OfType<OpenApiSchema>().Where(s => s.AdditionalProperties is null))
        {
            schema.AdditionalPropertiesAllowed = true;
        }
    }
}
