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
        api.MapPost("/update-user", UpdateUser)
            .WithName("updateUser").WithTags("Users")
            .WithSummary("Update a user")
            .WithDescription("Changes the fields sent (left out, null or \"\" = unchanged; customData and metadata merge key by key) of the " +
                "user that userId names (options.userIdType: user_id, external_id, phone, email, username or identity). The same " +
                "rules as on create: e-mail, phone, username, externalId and unique custom fields stay unique across users and " +
                "public accounts, and a conflict names its holder. A password is hashed (options.passwordEncryptType rsa/sm2 for " +
                "an encrypted one); options.autoGeneratePassword, resetPasswordOnNextLogin and sendPasswordResetedNotification " +
                "as in the SDK. options.dryRun checks without writing; an Idempotency-Key header makes retries safe.");
        api.MapPost("/update-user-batch", UpdateUserBatch)
            .WithName("updateUserBatch").WithTags("Users")
            .WithSummary("Update users in batches")
            .WithDescription("Updates 1 to 50 users by user id, all or none, through the same checks as update-user; every failing " +
                "item is listed in `errors`. Accounts of the batch may exchange their keys (e.g. swap two e-mails).");
        api.MapUserReads();
        api.MapUserDeletes();
        return api;
    }

    private static Task<Results<Ok<Envelope<IEnumerable<UserDto>>>, ContentHttpResult>> CreateUsersBatch(
        CreateAccountsBatchRequest? request, [AsParameters] AccountCreationServices services) =>
        AccountCreation.CreateBatchAsync(services, AccountKind.User, request, view => new UserDto(view));

    private static Task<Results<Ok<Envelope<UserDto>>, ContentHttpResult>> UpdateUser(
        UpdateAccountItem? request, [AsParameters] AccountUpdateServices services) =>
        AccountUpdating.UpdateOneAsync(services, AccountKind.User, request, view => new UserDto(view));

    private static Task<Results<Ok<Envelope<IEnumerable<UserDto>>>, ContentHttpResult>> UpdateUserBatch(
        UpdateAccountsBatchRequest? request, [AsParameters] AccountUpdateServices services) =>
        AccountUpdating.UpdateBatchAsync(services, AccountKind.User, request, view => new UserDto(view));

    private static Task<Results<Ok<Envelope<UserDto>>, ContentHttpResult>> CreateUser(
        CreateAccountItem? request, [AsParameters] AccountCreationServices services) =>
        AccountCreation.CreateOneAsync(services, AccountKind.User, request, view => new UserDto(view));
}
