namespace UserPool.Api.Data.Entities;

/// <summary>Users and public (shared) accounts live in one table and share one uniqueness namespace.</summary>
public enum AccountKind
{
    User = 1,
    PublicAccount = 2,
}
