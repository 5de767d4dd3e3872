using Microsoft.AspNetCore.Http.HttpResults;
using UserPool.Api.Accounts;
using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Users;

public static class UserEndpoints
{
    public static RouteGroupBuilder MapUsers(this RouteGroupBuilder api)
    {
        api.MapPost("/create-users-batch", CreateUsersBatch)
            .WithName("createUsersBatch").WithTags("Users")
            .WithSummary("Create users in batches")
            .WithDescription("Creates 1 to 50 users as an administrator, all or none. E-mail, phone, username and externalId are " +
                "unique in the user pool (shared with public accounts), and so are custom fields defined with isUnique; every failing item " +
                "is listed in `errors`. " +
                "options.keepPassword stores a hash from another system verbatim; options.dryRun checks without writing. " +
                "An Idempotency-Key header makes retries safe: the same key and body answer the first answer again.");
        api.MapPost("/create-user", CreateUser)
            .WithName("createUser").WithTags("Users")
            .WithSummary("Create a user")
            .WithDescription("Creates one user through the same checks as create-users-batch; options sit beside the user's fields.");
        api.MapUserReads();
        api.MapUserDeletes();
        return api;
    }

    private static Task<Results<Ok<Envelope<IEnumerable<UserDto>>>, ContentHttpResult>> CreateUsersBatch(
        CreateAccountsBatchRequest? request, [AsParameters] AccountCreationServices services) =>
        AccountCreation.CreateBatchAsync(services, AccountKind.User, request, view => new UserDto(view));

    private static Task<Results<Ok<Envelope<UserDto>>, ContentHttpResult>> CreateUser(
        CreateAccountItem? request, [AsParameters] AccountCreationServices services) =>
        AccountCreation.CreateOneAsync(services, AccountKind.User, request, view => new UserDto(view));
}
