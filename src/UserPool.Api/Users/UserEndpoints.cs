using Microsoft.AspNetCore.Http.HttpResults;
using UserPool.Api.Accounts;
using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Accounts.Pipeline;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;
using UserPool.Api.Security;

namespace UserPool.Api.Users;

public static class UserEndpoints
{
    public static RouteGroupBuilder MapUsers(this RouteGroupBuilder api)
    {
        api.MapPost("/create-users-batch", CreateUsersBatch)
            .WithName("createUsersBatch").WithTags("Users")
            .WithSummary("Create users in batches")
            .WithDescription("Creates 1 to 50 users as an administrator, all or none. E-mail, phone, username and externalId are " +
                "unique in the user pool (shared with public accounts); every failing item is listed in `errors`. " +
                "options.keepPassword stores a hash from another system verbatim; options.dryRun checks without writing.");
        api.MapPost("/create-user", CreateUser)
            .WithName("createUser").WithTags("Users")
            .WithSummary("Create a user")
            .WithDescription("Creates one user through the same checks as create-users-batch; options sit beside the user's fields.");
        api.MapUserReads();
        return api;
    }

    private static async Task<Ok<Envelope<IEnumerable<UserDto>>>> CreateUsersBatch(
        CreateAccountsBatchRequest? request, CurrentPool pool, CreateAccountsPipeline pipeline, CancellationToken ct)
    {
        var created = await AccountCreation.CreateBatchAsync(pipeline, pool, AccountKind.User, request, ct);
        return TypedResults.Ok(Envelope.Success(created.Select(v => new UserDto(v))));
    }

    private static async Task<Ok<Envelope<UserDto>>> CreateUser(
        CreateAccountItem? request, CurrentPool pool, CreateAccountsPipeline pipeline, CancellationToken ct)
    {
        var created = await AccountCreation.CreateOneAsync(pipeline, pool, AccountKind.User, request, ct);
        return TypedResults.Ok(Envelope.Success(new UserDto(created)));
    }
}
