using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Accounts.Validation;
using UserPool.Api.Infrastructure;
using UserPool.Api.Validation;

namespace UserPool.Api.Accounts.Updating;

/// <summary>The batch itself: a list of 1..MaxBatchSize objects, and valid options (as create's BatchShape).</summary>
internal static class UpdateShape
{
    private static readonly UpdateAccountOptionsValidator BatchOptions = new(batch: true);
    private static readonly UpdateAccountOptionsValidator SingleOptions = new(batch: false);

    public static IReadOnlyList<UpdateAccountItem> Check(UpdateAccountsCommand command, int maxBatchSize)
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
            else if (!command.SingleItem && list[i]!.Options is not null)
            {
                // UpdateUserInfoDto has no options: the batch's apply to every item.
                errors.Add(new ItemError(i, $"list[{i}].options", ErrorCodes.UnsupportedField, Messages.InvalidFormat($"list[{i}].options")));
            }
        }

        if (command.Options is { } options)
        {
            var validator = command.SingleItem ? SingleOptions : BatchOptions;
            errors.AddRange(validator.Validate(options).Errors
                .Select(f => new ItemError(null, $"options.{f.PropertyName}", f.ErrorCode, f.ErrorMessage)));
        }

        if (errors.Count > 0)
        {
            throw ApiException.BadRequest(errors[0].Message, errors);
        }

        return list!;
    }
}
