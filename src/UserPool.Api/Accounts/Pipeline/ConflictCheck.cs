using UserPool.Api.Infrastructure;

namespace UserPool.Api.Accounts.Pipeline;

/// <summary>Each unique key a stored account holds fails its item, naming the holder and its kind.</summary>
public static class ConflictCheck
{
    public static void Apply(IReadOnlyList<ExistingHolder> holders, BatchErrors errors)
    {
        foreach (var holder in holders.OrderBy(h => h.Key.Index))
        {
            errors.Conflicting(holder.Key.Index, holder.Key.Field, holder.Key.ConflictMessage(holder.Kind, holder.AccountId), holder.Key.ApiCode,
                new Conflict("existing") { AccountId = holder.AccountId, AccountKind = AccountKindNames.Of(holder.Kind) });
        }
    }
}

public static class AccountKindNames
{
    public static string Of(Data.Entities.AccountKind kind) => kind == Data.Entities.AccountKind.PublicAccount ? "publicAccount" : "user";
}
