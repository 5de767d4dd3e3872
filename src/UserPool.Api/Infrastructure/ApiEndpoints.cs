using UserPool.Api.CustomFields;
using UserPool.Api.Departments;
using UserPool.Api.Organizations;
using UserPool.Api.Passwords;
using UserPool.Api.PublicAccounts;
using UserPool.Api.Security;
using UserPool.Api.Tenants;
using UserPool.Api.Users;

namespace UserPool.Api.Infrastructure;

public static class ApiEndpoints
{
    /// <summary>Every /api/v3 endpoint; all need a signature or token unless marked anonymous.</summary>
    public static WebApplication MapUserPoolApi(this WebApplication app)
    {
        var api = app.MapGroup(ApiStatusPages.ApiPrefix).RequireAuthorization(SecurityRegistration.PoolPolicy);
        api.MapManagementToken();
        api.MapSystemInfo();
        api.MapUsers();
        api.MapPublicAccounts();
        api.MapCustomFields();
        api.MapOrganizations();
        api.MapDepartments();
        api.MapTenants();
        return app;
    }
}
