namespace UserPool.Api.Accounts.Reading;

/// <summary>What an answer carries beyond the account's own fields (the with… and flatCustomData flags).</summary>
public sealed record AccountReadOptions(
    bool WithCustomData = false,
    bool WithIdentities = false,
    bool WithDepartmentIds = false,
    bool WithPost = false,
    bool FlatCustomData = false);
