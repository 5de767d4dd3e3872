using Microsoft.Extensions.DependencyInjection;
using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Accounts.Pipeline;
using UserPool.Api.Data.Entities;
using UserPool.Api.Passwords;
using UserPool.Api.Passwords.Transport;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Passwords;

/// <summary>
/// A batch that will hash is checked against the database before it hashes (a conflicting plaintext batch must not
/// spend hashing time only to be refused): the pipelines decide by <see cref="PasswordStep.WillHash"/>, which must be
/// known as soon as <see cref="PasswordStep.Prepare"/> has run. It once became true only when hashing had started.
/// </summary>
[Collection(AccountsCollection.Name)]
public sealed class PasswordStepTests(UserPoolApiFactory api)
{
    [Theory]
    [InlineData("Plain-Password-1", false, false, true)]
    [InlineData(null, false, true, true)]
    [InlineData("$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy", true, false, false)]
    [InlineData(null, false, false, false)]
    public void WillHash_IsKnownOncePrepared(string? password, bool keepPassword, bool autoGenerate, bool willHash)
    {
        var step = new PasswordStep(api.Services.GetRequiredService<PasswordHashingPool>(), api.Services.GetRequiredService<PasswordTransport>(),
            DateTime.UtcNow, api.PoolId);
        var item = new CreateAccountItem { Username = "step", Password = password };
        var draft = new AccountDraft
        {
            Index = 0,
            Item = item,
            Options = new EffectiveOptions(keepPassword, autoGenerate, false, "department_id", "none", false, false, null),
            Account = new Account { UserPoolId = api.PoolId, Id = "step", Status = "Activated", WorkStatus = "Active", Gender = "U", UserSourceType = "adminCreated" },
            Identities = [],
            DepartmentReferences = [],
            TenantIds = [],
            IsValid = true,
        };
        var errors = new BatchErrors(singleItem: false);

        step.Prepare([draft], errors);

        Assert.False(errors.Any);
        Assert.Equal(willHash, step.WillHash);
    }
}
