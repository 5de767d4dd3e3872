using UserPool.Api.Accounts.Keys;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;

namespace UserPool.Benchmarks.Workload;

/// <summary>
/// The rows the server stores for a batch of users (account, identity, two department links), built the
/// way the server builds them, for the baselines that write them without the server.
/// </summary>
public sealed record RowSet(IReadOnlyList<Account> Accounts, IReadOnlyList<AccountIdentity> Identities, IReadOnlyList<AccountDepartment> Links)
{
    public int Users => Accounts.Count;

    public static RowSet For(string poolId, IReadOnlyList<BenchUser> users)
    {
        var now = DateTime.UtcNow;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
        var accounts = new List<Account>(users.Count);
        var identities = new List<AccountIdentity>(users.Count);
        var links = new List<AccountDepartment>(users.Count * 2);
        foreach (var user in users)
        {
            var account = Account(poolId, user, now);
            accounts.Add(account);
            identities.Add(new AccountIdentity
            {
                UserPoolId = poolId,
                Id = ObjectIds.New(now),
                AccountId = account.Id,
                ExtIdpId = Profile.ExtIdpId,
                Provider = Profile.Provider,
                Type = Profile.IdentityType,
                UserIdInIdp = user.UserIdInIdp,
                UserInfoInIdp = user.UserInfoInIdpJson,
                OriginConnIds = [Profile.OriginConnId],
                CreatedAt = now,
            });
            links.Add(new AccountDepartment { UserPoolId = poolId, AccountId = account.Id, DepartmentId = user.DepartmentId1, CreatedAt = now });
            links.Add(new AccountDepartment { UserPoolId = poolId, AccountId = account.Id, DepartmentId = user.DepartmentId2, CreatedAt = now });
        }

        return new RowSet(accounts, identities, links);
    }

    private static Account Account(string poolId, BenchUser user, DateTime now)
    {
        var fields = Profile.Fields(user).ToDictionary(f => f.Name, f => f.Value);
        return new Account
        {
            UserPoolId = poolId,
            Id = ObjectIds.New(now),
            Kind = AccountKind.User,
            Status = fields["status"],
            WorkStatus = "Active",
            Email = user.Email,
            Phone = user.Phone,
            PhoneCountryCode = fields["phoneCountryCode"],
            Username = user.Username,
            ExternalId = user.ExternalId,
            Name = fields["name"],
            Nickname = fields["nickname"],
            Photo = fields["photo"],
            Gender = fields["gender"],
            EmailVerified = true,
            PhoneVerified = true,
            Birthdate = fields["birthdate"],
            Country = fields["country"],
            Province = fields["province"],
            City = fields["city"],
            Address = fields["address"],
            StreetAddress = fields["streetAddress"],
            PostalCode = fields["postalCode"],
            Company = fields["company"],
            Browser = fields["browser"],
            Device = fields["device"],
            GivenName = fields["givenName"],
            FamilyName = fields["familyName"],
            MiddleName = fields["middleName"],
            Profile = fields["profile"],
            PreferredUsername = fields["preferredUsername"],
            Website = fields["website"],
            Zoneinfo = fields["zoneinfo"],
            Locale = fields["locale"],
            Formatted = fields["formatted"],
            Region = fields["region"],
            IdentityNumber = fields["identityNumber"],
            PasswordHash = user.Password,
            PasswordAlgorithm = "bcrypt",
            PasswordLastSetAt = now,
            CustomData = user.CustomDataJson,
            UserSourceType = "adminCreated",
            StatusChangedAt = now,
            CreatedAt = now,
            UpdatedAt = now,
            // The unique keys the server stores beside the values (its own normalizer, so both write the same index entries).
            EmailKey = KeyNormalizer.EmailKeyOrNull(user.Email),
            UsernameKey = KeyNormalizer.UsernameKeyOrNull(user.Username),
            PhoneKey = KeyNormalizer.Phone(user.Phone, fields["phoneCountryCode"]).Key,
            KeysVersion = KeyNormalizer.Version,
        };
    }
}
