namespace UserPool.Api.Data.Entities;

/// <summary>
/// One account's value of an isUnique custom field, as a hash of its canonical form (see CustomFieldCanonical):
/// the unique index on (pool, key, hash) is what makes the field unique across users and public accounts.
/// </summary>
public sealed class CustomFieldUniqueValue
{
    public required string UserPoolId { get; init; }
    public required string FieldKey { get; init; }
    public required byte[] ValueHash { get; init; }
    public required string AccountId { get; init; }
}
