using Microsoft.OpenApi;
using UserPool.Api.CustomFields;
using UserPool.Api.Organizations;
using UserPool.Api.Tenants;
using UserPool.Api.Validation;

namespace UserPool.Api.OpenApi;

/// <summary>Contract facts of the custom-field, organization, department, tenant, token and system schemas.</summary>
internal static class ReferenceDataSchemas
{
    public static void Describe(OpenApiDocument document)
    {
        DescribeCustomFields(document);
        DescribeOrganizations(document);
        DescribeTenants(document);
        DescribeTokenAndSystem(document);
    }

    private static void DescribeCustomFields(OpenApiDocument document)
    {
        document.Schema("SetCustomFieldsReqDto")
            .Require("list")
            .Edit("list", p => { p.NotNull(); p.MinItems = 1; p.MaxItems = SetCustomFieldsValidator.MaxFields; });
        document.Schema("SetCustomFieldDto")
            .Describe("A custom field definition: created when targetType and key are new, updated otherwise.")
            .Require("targetType", "key")
            .Edit("targetType", p => p.Enum(CustomFieldTypes.TargetTypes))
            .Edit("key", p => p.Description = "The key in customData; cannot change.")
            .Edit("dataType", p =>
            {
                p.Enum(CustomFieldTypes.DataTypes);
                p.Description = $"Cannot change once set; {CustomFieldTypes.DefaultDataType} when left out.";
            })
            .Edit("isUnique", p => p.Description = "USER fields only (else 400). One value per pool across users and public accounts: " +
                "a repeat is duplicate_in_batch (400) or already_exists (409, apiCode 2026, naming the holder) on list[i].customData.<key>. " +
                "Turning it on over values several accounts share is refused with 409 / 2026 listing them on list[i].isUnique.")
            .Edit("encrypted", p => p.Description = "USER fields only (else 400). Stored encrypted, answered decrypted by every read; " +
                "cannot be filtered, sorted or searched. Turning it on or off re-encrypts or decrypts the stored values.")
            .Replace("i18n", SchemaEdits.AnyObject("CustomFieldI18n: {label: LangObject}."));
        document.Schema("CustomFieldSelectOption").Require("value");
        document.Schema("CustomFieldDto")
            .Require("targetType", "dataType", "key", "label", "isUnique", "visibleInAdminConsole")
            .Edit("targetType", p => p.Enum(CustomFieldTypes.TargetTypes))
            .Edit("dataType", p => p.Enum(CustomFieldTypes.DataTypes))
            .Replace("options", SchemaEdits.ArrayOf(new OpenApiSchemaReference("CustomFieldSelectOption", document), "The choices of an ENUM field."))
            .Replace("i18n", SchemaEdits.AnyObject("CustomFieldI18n: {label: LangObject}."));
    }

    private static void DescribeOrganizations(OpenApiDocument document)
    {
        const string metadata = "Declared required by the SDK's type; accepted (a JSON object) and not kept.";
        const string posts = "Not supported: leave it out or send [].";
        document.Schema("CreateOrganizationReqDto")
            .Require("organizationName", "organizationCode")
            .Edit("organizationCode", p => p.Description = $"Unique in the pool; letters, digits and _ . : - (at most {OrganizationCodes.MaxLength}). \"\" generates one.")
            .Edit("openDepartmentId", p => p.Description = "The open id of the root department; unique in the pool.")
            .Edit("postIdList", p => p.Description = posts)
            .Replace("i18n", SchemaEdits.AnyObject("OrganizationNameI18nDto: {organizationName: LangObject}."))
            .Replace("metadata", SchemaEdits.AnyObject(metadata));
        document.Schema("OrganizationDto")
            .Require("organizationCode", "organizationName", "departmentId", "hasChildren", "membersCount", "isVirtualNode")
            .Edit("departmentId", p => p.Description = "The root department (parent \"root\" in create-department).")
            .Replace("i18n", SchemaEdits.AnyObject("OrganizationNameI18nDto, as sent."));
        document.Schema("CreateDepartmentReqDto")
            .Require("organizationCode", "name", "parentDepartmentId")
            .Edit("parentDepartmentId", p => p.Description = "\"root\" (the organization's root department) or a department of the same organization, named as departmentIdType says.")
            .Edit("departmentIdType", p =>
            {
                p.Enum(Enums.DepartmentIdTypes);
                p.Default = "department_id";
                p.Description = "department_id (default), open_department_id or code; sync_relation and custom_field are refused (400).";
            })
            .Edit("code", p => p.Description = "Unique in the pool.")
            .Edit("openDepartmentId", p => p.Description = "Unique in the pool.")
            .Edit("postIdList", p => p.Description = posts)
            .Replace("i18n", SchemaEdits.AnyObject("DepartmentI18nDto: {name: LangObject}."))
            .Replace("customData", SchemaEdits.AnyObject("Custom field values (targetType DEPARTMENT)."))
            .Replace("metadata", SchemaEdits.AnyObject(metadata));
        document.Schema("DepartmentDto")
            .Require("organizationCode", "departmentId", "createdAt", "name", "parentDepartmentId", "parentDepartmentCode", "membersCount", "hasChildren")
            .Replace("i18n", SchemaEdits.AnyObject("DepartmentI18nDto, as sent."))
            .Replace("customData", SchemaEdits.AnyObject("Custom field values, as sent ({} when none)."));
    }

    private static void DescribeTenants(OpenApiDocument document)
    {
        document.Schema("CreateTenantDto")
            .Require("name")
            .Edit("name", p => p.MaxLength = TenantRules.NameLength)
            .Edit("appIds", p => p.Description = "Declared required by the SDK's type; optional here (the SDK's own tests leave it out).")
            .Replace("logo", new OpenApiSchema
            {
                Description = $"A logo URL, or an array of up to {TenantRules.MaxLogos} (the SDK's request type).",
                OneOf =
                [
                    new OpenApiSchema { Type = JsonSchemaType.String },
                    new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String }, MaxItems = TenantRules.MaxLogos },
                ],
            })
            .Edit("expireTime", p => p.Description = "A date (2025-12-31) or an ISO 8601 date-time; UTC without an offset.");
        document.Schema("TenantDto")
            .Require("tenantId", "userPoolId", "name", "logo", "appIds", "creator", "sourceAppId", "source", "code", "host", "enterpriseDomains")
            .Edit("logo", p => p.Description = "The first logo, or \"\".")
            .Edit("source", p => p.Enum([TenantRules.SourceApi, TenantRules.SourceApp]))
            .Edit("creator", p => p.Description = "The access key that created the tenant.");
    }

    private static void DescribeTokenAndSystem(OpenApiDocument document)
    {
        document.Schema("GetManagementAccessTokenDto").Require("accessKeyId", "accessKeySecret");
        document.Schema("AccessTokenResDto")
            .Require("access_token", "expires_in")
            .Edit("access_token", p => p.Description = "A JWT whose scoped_userpool_id claim is the pool id. Send it as `Authorization: Bearer <token>` with `x-authing-userpool-id`.")
            .Edit("expires_in", p => p.Description = "Seconds until it expires.");
        document.Schema("SystmeInfoRSAConfig")
            .Require("publicKey")
            .Replace("publicKey", new OpenApiSchema { Type = JsonSchemaType.String, Description = "PEM SPKI RSA public key (1024-bit) for passwordEncryptType rsa." });
        document.Derive("SystmeInfoRSAConfig", "SystmeInfoSM2Config", without: [], new Dictionary<string, string>())
            .Replace("publicKey", new OpenApiSchema { Type = JsonSchemaType.String, Description = "SM2 public key: 130 hex characters, 04‖X‖Y, for passwordEncryptType sm2." });
        document.Schema("SystemInfoResp")
            .Describe("Bare, without the envelope (the web and miniapp SDKs read body.rsa.publicKey); `data` repeats it for clients that read res.data.data.")
            .Require("rsa", "sm2", "version", "publicIps")
            .Replace("sm2", new OpenApiSchemaReference("SystmeInfoSM2Config", document));
        document.Schema("SystmeInfoVersion").Require("server", "console", "login");
    }
}
