using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Accounts.Validation;
using UserPool.Api.Infrastructure;
using UserPool.Api.Validation;

namespace UserPool.Api.Accounts.Pipeline;

/// <summary>The batch itself: a list of 1..MaxBatchSize objects, and valid batch options.</summary>
public static class BatchShape
{
    private static readonly CreateAccountOptionsValidator OptionsValidator = new();

    public static IReadOnlyList<CreateAccountItem> Check(CreateAccountsCommand command, int maxBatchSize)
    {
        if (command.List is not { Count: > 0 } list || list.Count > maxBatchSize)
        {
            var message = RequestLanguage.Pick($"参数 list 必须包含 1 到 {maxBatchSize} 项", $"list must hold 1 to {maxBatchSize} items");
            throw ApiException.BadRequest(message, [new ItemError(null, "list", ErrorCodes.InvalidValue, message)]);
        }

        var errors = new List<ItemError>();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
            {
                errors.Add(new ItemError(i, $"list[{i}]", ErrorCodes.InvalidFormat, Messages.InvalidFormat($"list[{i}]")));
            }
        }

        if (command.Options is { } options)
        {
            errors.AddRange(OptionsValidator.Validate(options).Errors
                .Select(f => new ItemError(null, $"options.{f.PropertyName}", f.ErrorCode, f.ErrorMessage)));
        }

        if (errors.Count > 0)
        {
            throw ApiException.BadRequest(errors[0].Message, errors);
        }

        return list!;
    }
}
