using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Accounts.Reading;
using UserPool.Api.CustomFields;
using UserPool.Api.Departments;
using UserPool.Api.Infrastructure;
using UserPool.Api.Organizations;
using UserPool.Api.Passwords;
using UserPool.Api.Security;
using UserPool.Api.Tenants;

namespace UserPool.Api.OpenApi;

/// <summary>
/// The contract's DTO names (the Authing SDK's model names) for the C# types. A type shared by users and
/// public accounts gets the users' name here; <see cref="AccountKindSchemas"/> derives the public-account forms.
/// </summary>
public static class ContractSchemaIds
{
    private static readonly Dictionary<Type, string> Names = new()
    {
        [typeof(CreateAccountsBatchRequest)] = "CreateUserBatchReqDto",
        [typeof(CreateAccountItem)] = "CreateUserReqDto",
        [typeof(CreateAccountOptions)] = "CreateUserOptionsDto",
        [typeof(SendNotificationOptions)] = "SendCreateAccountNotificationDto",
        [typeof(IdentityInput)] = "CreateIdentityDto",
        [typeof(OtpInput)] = "CreateUserOtpDto",
        [typeof(UpdateAccountsBatchRequest)] = "UpdateUserBatchReqDto",
        [typeof(UpdateAccountItem)] = "UpdateUserReqDto",
        [typeof(UpdateAccountOptions)] = "UpdateUserOptionsDto",
        [typeof(SendResetPasswordNotification)] = "SendResetPasswordNotificationDto",
        [typeof(Envelope<UserDto>)] = "UserSingleRespDto",
        [typeof(Envelope<IEnumerable<UserDto>>)] = "UserListRespDto",
        [typeof(Envelope<Paged<UserDto>>)] = "UserPaginatedRespDto",
        [typeof(Paged<UserDto>)] = "UserPagingDto",
        [typeof(Envelope<PublicAccountDto>)] = "PublicAccountSingleRespDto",
        [typeof(Envelope<IEnumerable<PublicAccountDto>>)] = "PublicAccountListRespDto",
        [typeof(Envelope<Paged<PublicAccountDto>>)] = "PublicAccountPaginatedRespDto",
        [typeof(Paged<PublicAccountDto>)] = "PublicAccountPagingDto",
        [typeof(ListAccountsRequest)] = "ListUsersRequestDto",
        [typeof(ListAccountsOptions)] = "ListUsersOptionsDto",
        [typeof(AdvancedFilterItem)] = "ListUsersAdvancedFilterItemDto",
        [typeof(GetManagementTokenRequest)] = "GetManagementAccessTokenDto",
        [typeof(ManagementToken)] = "AccessTokenResDto",
        [typeof(Envelope<ManagementToken>)] = "GetManagementTokenRespDto",
        [typeof(SystemInfo)] = "SystemInfoResp",
        [typeof(PublicKeyInfo)] = "SystmeInfoRSAConfig",
        [typeof(VersionInfo)] = "SystmeInfoVersion",
        [typeof(SetCustomFieldsRequest)] = "SetCustomFieldsReqDto",
        [typeof(SetCustomFieldItem)] = "SetCustomFieldDto",
        [typeof(CustomFieldOption)] = "CustomFieldSelectOption",
        [typeof(Envelope<List<CustomFieldDto>>)] = "CustomFieldListRespDto",
        [typeof(CreateOrganizationRequest)] = "CreateOrganizationReqDto",
        [typeof(Envelope<OrganizationDto>)] = "OrganizationSingleRespDto",
        [typeof(CreateDepartmentRequest)] = "CreateDepartmentReqDto",
        [typeof(Envelope<DepartmentDto>)] = "DepartmentSingleRespDto",
        [typeof(CreateTenantRequest)] = "CreateTenantDto",
        [typeof(Envelope<TenantDto>)] = "CreateTenantRespDto",
        [typeof(Accounts.Deletion.DeleteAccountsBatchRequest)] = "DeleteUsersBatchDto",
        [typeof(Accounts.Deletion.DeleteAccountsOptions)] = "DeleteUsersBatchOptionsDto",
        [typeof(Envelope<IsSuccessDto>)] = "IsSuccessRespDto",
        [typeof(Users.IsUserExistsRequest)] = "IsUserExistsReqDto",
        [typeof(Envelope<Users.IsUserExistsDto>)] = "IsUserExistsRespDto",
        [typeof(ErrorEnvelope)] = "ErrorRespDto",
        [typeof(ItemError)] = "ItemErrorDto",
        [typeof(Conflict)] = "ItemConflictDto",
    };

    /// <summary>The contract's name, or the type's own name (UserDto, TenantDto, … already match).</summary>
    public static string For(Type type) =>
        Names.TryGetValue(type, out var name) ? name
        : type.IsGenericType ? throw new InvalidOperationException($"No OpenAPI schema name for {type}; add it to {nameof(ContractSchemaIds)}")
        : type.Name;
}
