using System.Text.Json.Nodes;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.OpenApi;

/// <summary>The document's schemas carry the contract's DTO names, per-kind field sets, enums, requiredness and formats (§4).</summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiSchemaTests(UserPoolApiFactory api)
{
    [Fact]
    public async Task Components_AreNamedAsTheContractsDtos_AndNoCSharpNameLeaks()
    {
        var schemas = (await api.DocumentAsync())["components"]!["schemas"]!.AsObject();

        foreach (var name in new[]
                 {
                     "CreateUserBatchReqDto", "CreateUserInfoDto", "CreateUserReqDto", "CreateUserOptionsDto", "CreateUserOtpDto",
                     "CreatePublicAccountBatchReqDto", "CreatePublicAccountReqDto", "CreatePublicAccountOptionsDto",
                     "CreatePublicAccountOtpDto", "SendCreateAccountNotificationDto", "CreateIdentityDto", "UserDto", "PublicAccountDto",
                     "IdentityDto", "UserListRespDto", "UserSingleRespDto", "UserPaginatedRespDto", "UserPagingDto",
                     "PublicAccountListRespDto", "PublicAccountSingleRespDto", "PublicAccountPaginatedRespDto", "PublicAccountPagingDto",
                     "ListUsersRequestDto", "ListUsersOptionsDto", "ListUsersAdvancedFilterItemDto", "ListPublicAccountsRequestDto",
                     "ListPublicAccountsOptionsDto", "PaginationDto", "SortingDto", "GetManagementAccessTokenDto",
                     "GetManagementTokenRespDto", "AccessTokenResDto", "SystemInfoResp", "SystmeInfoRSAConfig", "SystmeInfoSM2Config",
                     "SystmeInfoVersion", "SetCustomFieldsReqDto", "SetCustomFieldDto", "CustomFieldDto", "CustomFieldSelectOption",
                     "CustomFieldListRespDto", "CreateOrganizationReqDto", "OrganizationDto", "OrganizationSingleRespDto",
                     "CreateDepartmentReqDto", "DepartmentDto", "DepartmentSingleRespDto", "CreateTenantDto", "TenantDto",
                     "CreateTenantRespDto", "ErrorRespDto",
                 })
        {
            Assert.True(schemas.ContainsKey(name), name);
        }

        foreach (var csharpName in new[]
                 {
                     "RawJson", "CreateAccountItem", "CreateAccountsBatchRequest", "CreateAccountOptions", "IdentityInput", "OtpInput",
                     "SendNotificationOptions", "ListAccountsRequest", "ListAccountsOptions", "AdvancedFilterItem", "ManagementToken",
                     "GetManagementTokenRequest", "SystemInfo", "PublicKeyInfo", "VersionInfo", "ErrorEnvelope", "ItemError",
                 })
        {
            Assert.False(schemas.ContainsKey(csharpName), csharpName);
        }

        Assert.DoesNotContain(schemas, s => s.Key.Contains("Envelope", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("post", "/api/v3/create-users-batch", "CreateUserBatchReqDto", "UserListRespDto")]
    [InlineData("post", "/api/v3/create-user", "CreateUserReqDto", "UserSingleRespDto")]
    [InlineData("post", "/api/v3/create-public-accounts-batch", "CreatePublicAccountBatchReqDto", "PublicAccountListRespDto")]
    [InlineData("post", "/api/v3/create-public-account", "CreatePublicAccountReqDto", "PublicAccountSingleRespDto")]
    [InlineData("post", "/api/v3/list-users", "ListUsersRequestDto", "UserPaginatedRespDto")]
    [InlineData("post", "/api/v3/list-public-accounts", "ListPublicAccountsRequestDto", "PublicAccountPaginatedRespDto")]
    [InlineData("get", "/api/v3/get-user", null, "UserSingleRespDto")]
    [InlineData("get", "/api/v3/get-public-account-batch", null, "PublicAccountListRespDto")]
    [InlineData("post", "/api/v3/get-management-token", "GetManagementAccessTokenDto", "GetManagementTokenRespDto")]
    [InlineData("get", "/api/v3/system", null, "SystemInfoResp")]
    [InlineData("post", "/api/v3/set-custom-fields", "SetCustomFieldsReqDto", "CustomFieldListRespDto")]
    [InlineData("post", "/api/v3/create-organization", "CreateOrganizationReqDto", "OrganizationSingleRespDto")]
    [InlineData("post", "/api/v3/create-department", "CreateDepartmentReqDto", "DepartmentSingleRespDto")]
    [InlineData("post", "/api/v3/create-tenant", "CreateTenantDto", "CreateTenantRespDto")]
    public async Task Operations_TakeAndAnswerTheContractsDtos(string method, string path, string? request, string answer)
    {
        var operation = (await api.DocumentAsync()).Operation(method, path);

        Assert.Equal(request, operation["requestBody"]?["content"]?["application/json"]?["schema"].RefName());
        Assert.Equal(answer, operation["responses"]!["200"]!["content"]!["application/json"]!["schema"].RefName());
    }

    [Fact]
    public async Task Batches_HoldOneToFiftyItemsOfTheirKind_WithTheirKindsOptions()
    {
        var document = await api.DocumentAsync();

        foreach (var (batch, item, options) in new[]
                 {
                     ("CreateUserBatchReqDto", "CreateUserInfoDto", "CreateUserOptionsDto"),
                     ("CreatePublicAccountBatchReqDto", "CreatePublicAccountReqDto", "CreatePublicAccountOptionsDto"),
                 })
        {
            var list = document.Property(batch, "list");
            Assert.Equal(["list"], document.Schema(batch)["required"].Strings());
            Assert.Equal((1, 50), ((int)list["minItems"]!, (int)list["maxItems"]!));
            Assert.Equal(item, list["items"].RefName());
            Assert.Equal(options, document.Schema(batch)["properties"]!["options"].RefName());
        }

        Assert.Equal("CreatePublicAccountOptionsDto", document.Schema("CreatePublicAccountReqDto")["properties"]!["options"].RefName());
        Assert.Equal("CreatePublicAccountOtpDto", document.Schema("CreatePublicAccountReqDto")["properties"]!["otp"].RefName());
        Assert.False(document.Schema("CreateUserInfoDto")["properties"]!.AsObject().ContainsKey("options"));
        Assert.Equal("CreateUserOptionsDto", document.Schema("CreateUserReqDto")["properties"]!["options"].RefName());
    }

    [Theory]
    [InlineData("CreateUserInfoDto", "CreatePublicAccountReqDto", "tenantIds,metadataSource,identities")]
    [InlineData("UserDto", "PublicAccountDto", "identities,metadataSource,postIdList,signedUp")]
    [InlineData("ListUsersOptionsDto", "ListPublicAccountsOptionsDto", "withPost,withIdentities,flatCustomData")]
    public async Task PublicAccountForms_LackOnlyTheUserOnlyFields(string userSchema, string publicSchema, string userOnly)
    {
        var document = await api.DocumentAsync();
        var userFields = document.Schema(userSchema)["properties"]!.AsObject().Select(p => p.Key).ToHashSet();
        var publicFields = document.Schema(publicSchema)["properties"]!.AsObject().Select(p => p.Key).ToHashSet();

        userFields.ExceptWith(publicFields);
        publicFields.Remove("options");
        Assert.Equal(userOnly.Split(',').Order(), userFields.Order());
        Assert.Subset(document.Schema(userSchema)["properties"]!.AsObject().Select(p => p.Key).ToHashSet(), publicFields);
    }

    [Theory]
    [InlineData("CreateUserInfoDto", "status", "Suspended,Resigned,Activated,Archived,Deactivated")]
    [InlineData("CreatePublicAccountReqDto", "gender", "M,F,U,W")]
    [InlineData("UserDto", "status", "Suspended,Resigned,Activated,Archived,Deactivated")]
    [InlineData("UserDto", "gender", "M,F,U")]
    [InlineData("PublicAccountDto", "gender", "M,F,U")]
    [InlineData("UserDto", "workStatus", "Closed,Active")]
    [InlineData("PublicAccountDto", "userSourceType", "excel,register,adminCreated,sync")]
    [InlineData("CreateUserOptionsDto", "departmentIdType", "department_id,open_department_id,code,sync_relation,custom_field")]
    [InlineData("CreatePublicAccountOptionsDto", "passwordEncryptType", "none,rsa,sm2")]
    [InlineData("CreateDepartmentReqDto", "departmentIdType", "department_id,open_department_id,code,sync_relation,custom_field")]
    [InlineData("SetCustomFieldDto", "targetType", "USER,ROLE,GROUP,DEPARTMENT")]
    [InlineData("SetCustomFieldDto", "dataType", "STRING,NUMBER,DATETIME,BOOLEAN,ENUM")]
    [InlineData("CustomFieldDto", "dataType", "STRING,NUMBER,DATETIME,BOOLEAN,ENUM")]
    [InlineData("ListUsersAdvancedFilterItemDto", "operator", "EQUAL,NOT_EQUAL,CONTAINS,NOT_CONTAINS,IS_NULL,NOT_NULL,IN,GREATER,LESSER,BETWEEN")]
    [InlineData("SortingDto", "order", "asc,desc")]
    public async Task EnumValuedFields_DeclareTheirValues(string schema, string property, string values)
    {
        var document = await api.DocumentAsync();

        Assert.Equal(values.Split(','), document.Property(schema, property)["enum"].Strings());
    }

    [Fact]
    public async Task Providers_AreTheSdksList_OnIdentitiesInAndOut()
    {
        var document = await api.DocumentAsync();

        foreach (var schema in new[] { "CreateIdentityDto", "IdentityDto" })
        {
            var providers = document.Property(schema, "provider")["enum"].Strings();
            Assert.Equal(41, providers.Length);
            Assert.Contains("wechat", providers);
            Assert.Contains("azure-ad", providers);
        }
    }

    [Fact]
    public async Task Gender_SaysWIsAcceptedOnInputAndStoredAsF()
    {
        var gender = (await api.DocumentAsync()).Property("CreateUserInfoDto", "gender");

        Assert.Contains("W", (string)gender["description"]!);
        Assert.Contains("F", (string)gender["description"]!);
    }

    [Theory]
    [InlineData("UserDto", "userId,createdAt,updatedAt,status,workStatus,gender,emailVerified,phoneVerified,userSourceType")]
    [InlineData("PublicAccountDto", "userId,createdAt,updatedAt,status,workStatus,gender,emailVerified,phoneVerified,userSourceType")]
    [InlineData("IdentityDto", "identityId,extIdpId,provider,type,userIdInIdp,userInfoInIdp,originConnIds")]
    [InlineData("CreateIdentityDto", "extIdpId,provider,type,userIdInIdp")]
    [InlineData("CreateUserOtpDto", "secret")]
    [InlineData("CreatePublicAccountOtpDto", "secret")]
    [InlineData("CreateUserInfoDto", "")]
    [InlineData("CreateUserOptionsDto", "")]
    [InlineData("UserListRespDto", "statusCode,message,data")]
    [InlineData("PublicAccountSingleRespDto", "statusCode,message,data")]
    [InlineData("GetManagementTokenRespDto", "statusCode,message,data")]
    [InlineData("UserPagingDto", "totalCount,list")]
    [InlineData("ErrorRespDto", "statusCode,message,requestId,data")]
    [InlineData("GetManagementAccessTokenDto", "accessKeyId,accessKeySecret")]
    [InlineData("AccessTokenResDto", "access_token,expires_in")]
    [InlineData("SystemInfoResp", "rsa,sm2,version,publicIps")]
    [InlineData("SetCustomFieldsReqDto", "list")]
    [InlineData("SetCustomFieldDto", "targetType,key")]
    [InlineData("ListUsersAdvancedFilterItemDto", "field,operator")]
    [InlineData("SortingDto", "field,order")]
    [InlineData("CreateDepartmentReqDto", "organizationCode,name,parentDepartmentId")]
    [InlineData("CreateTenantDto", "name")]
    public async Task RequiredFields_AreTheContractsNonOptionalOnes(string schema, string required)
    {
        var document = await api.DocumentAsync();

        Assert.Equal(required.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(), document.Schema(schema)["required"].Strings().Order());
    }

    [Theory]
    [InlineData("CreateUserInfoDto", "email", "email")]
    [InlineData("CreatePublicAccountReqDto", "photo", "uri")]
    [InlineData("CreateUserInfoDto", "website", "uri")]
    [InlineData("UserDto", "email", "email")]
    [InlineData("UserDto", "createdAt", "date-time")]
    [InlineData("PublicAccountDto", "lastLogin", "date-time")]
    [InlineData("UserDto", "statusChangedAt", "date-time")]
    public async Task Formats_AreDeclaredWhereTheServerChecksOrWritesThem(string schema, string property, string format)
    {
        Assert.Equal(format, (string?)(await api.DocumentAsync()).Property(schema, property)["format"]);
    }

    [Theory]
    [InlineData("UserDto", "lastLogin", true)]
    [InlineData("UserDto", "lastIp", true)]
    [InlineData("UserDto", "customData", true)]
    [InlineData("PublicAccountDto", "departmentIds", true)]
    [InlineData("UserDto", "status", false)]
    [InlineData("UserDto", "createdAt", false)]
    [InlineData("UserDto", "registerSource", false)]
    public async Task AnswerFields_AreNullableExactlyWhereTheServerWritesNull(string schema, string property, bool nullable)
    {
        Assert.Equal(nullable, (bool?)(await api.DocumentAsync()).Property(schema, property)["nullable"] ?? false);
    }

    [Fact]
    public async Task CustomData_IsAnObject_OnInputAndOutput()
    {
        var document = await api.DocumentAsync();

        Assert.All(new[] { ("CreateUserInfoDto", "customData"), ("UserDto", "customData"), ("CreateIdentityDto", "userInfoInIdp") },
            field => Assert.Equal("object", (string?)document.Property(field.Item1, field.Item2)["type"]));
    }
}
