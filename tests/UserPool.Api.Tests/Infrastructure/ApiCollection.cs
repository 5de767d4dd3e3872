namespace UserPool.Api.Tests.Infrastructure;

/// <summary>
/// Test collections share one server and database each and run in parallel with each other;
/// tests inside a collection run one after another, each starting from empty data.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<UserPoolApiFactory>
{
    public const string Name = "api";
}

[CollectionDefinition(Name)]
public sealed class AccountsCollection : ICollectionFixture<UserPoolApiFactory>
{
    public const string Name = "accounts";
}

[CollectionDefinition(Name)]
public sealed class SecurityCollection : ICollectionFixture<UserPoolApiFactory>
{
    public const string Name = "security";
}
