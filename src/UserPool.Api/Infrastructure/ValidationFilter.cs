using System.Collections.Concurrent;
using System.Text.Json;
using FluentValidation;

namespace UserPool.Api.Infrastructure;

/// <summary>
/// Validates an endpoint's request with its FluentValidation validator before the handler runs; all
/// failures come back at once as a 400 envelope whose message is the first failure. A missing body is
/// validated as an empty request, so "required" rules answer instead of a binding error.
/// </summary>
public static class ValidationFilter
{
    public static RouteHandlerBuilder Validate<TRequest>(this RouteHandlerBuilder route) where TRequest : class =>
        route.AddEndpointFilter(async (context, next) =>
        {
            var request = context.Arguments.OfType<TRequest>().FirstOrDefault();
            var validator = context.HttpContext.RequestServices.GetRequiredService<IValidator<TRequest>>();
            var result = await validator.ValidateAsync(request ?? EmptyOf<TRequest>(), context.HttpContext.RequestAborted);
            if (!result.IsValid)
            {
                var errors = result.Errors
                    .Select(f => new ItemError(null, f.PropertyName, f.ErrorCode, f.ErrorMessage))
                    .ToList();
                throw ApiException.BadRequest(errors[0].Message, errors);
            }

            return await next(context);
        });

    private static TRequest EmptyOf<TRequest>() where TRequest : class =>
        JsonSerializer.Deserialize<TRequest>("{}", JsonDefaults.Options)!;
}

public static class ValidationRegistration
{
    private static readonly ConcurrentDictionary<string, string> CamelCaseNames = new(StringComparer.Ordinal);

    public static IServiceCollection AddUserPoolValidation(this IServiceCollection services)
    {
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : CamelCase(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : CamelCase(member.Name);
        // Validators that need arguments (the per-kind account validator) are built by their callers.
        services.AddValidatorsFromAssemblyContaining<Program>(
            filter: r => r.ValidatorType.GetConstructors().Any(c => c.GetParameters().Length == 0),
            includeInternalTypes: true);
        return services;
    }

    /// <summary>
    /// FluentValidation asks for a rule's property and display name on every validation, valid or not: cached, as the
    /// names come from the request types' members (a fixed set), the batch pays no string per rule and item.
    /// </summary>
    private static string CamelCase(string name) => CamelCaseNames.GetOrAdd(name, static n => JsonNamingPolicy.CamelCase.ConvertName(n));
}
