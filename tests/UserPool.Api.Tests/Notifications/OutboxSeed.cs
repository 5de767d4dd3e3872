using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;
using UserPool.Api.Notifications;
using UserPool.Api.Security;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Notifications;

/// <summary>What the create pipeline writes: an account (its password BCrypt-hashed) and its outbox row in one transaction.</summary>
public static class OutboxSeed
{
    public static string NewEmail() => $"user-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}@example.test";

    public static string NewPhone() => "139" + RandomNumberGenerator.GetInt32(10_000_000, 99_999_999);

    public static string NewPassword() => "Gen-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) + "!";

    public static async Task<SeededMessage> AddAsync(
        UserPoolApiFactory api, string channel = OutboxNames.Email, string lang = "en-US", string? appId = null,
        string? password = null, string? recipient = null, string? name = "Ada Lovelace")
    {
        var seeded = await AddManyAsync(api, [new SeedSpec(channel, lang, appId, password, recipient, name)]);
        return seeded[0];
    }

    public static async Task<IReadOnlyList<SeededMessage>> AddManyAsync(UserPoolApiFactory api, IEnumerable<SeedSpec> specs)
    {
        var protector = api.Services.GetRequiredService<SecretProtector>();
        var now = DateTime.UtcNow;
        await using var db = api.CreateDbContext();
        var seeded = new List<SeededMessage>();
        foreach (var spec in specs)
        {
            var isSms = spec.Channel == OutboxNames.Sms;
            var recipient = spec.Recipient ?? (isSms ? NewPhone() : NewEmail());
            var hash = spec.Password is null ? null : BCrypt.Net.BCrypt.HashPassword(spec.Password, 4);
            var account = new Account
            {
                UserPoolId = api.PoolId, Id = ObjectIds.New(), Kind = AccountKind.User, Status = "Activated", WorkStatus = "Active",
                Gender = "U", UserSourceType = "manual", Name = spec.Name,
                Email = isSms ? null : recipient, Phone = isSms ? recipient : null, PhoneCountryCode = isSms ? "+86" : null,
                PasswordHash = hash, PasswordAlgorithm = hash is null ? null : "bcrypt",
                CreatedAt = now, UpdatedAt = now, StatusChangedAt = now,
            };
            var message = new OutboxMessage
            {
                UserPoolId = api.PoolId, Id = ObjectIds.New(), AccountId = account.Id, Channel = spec.Channel,
                Template = spec.Password is null ? OutboxNames.AccountCreated : OutboxNames.AccountCreatedWithPassword,
                Lang = spec.Lang, Recipient = recipient, PhoneCountryCode = account.PhoneCountryCode, AppId = spec.AppId,
                ProtectedPassword = spec.Password is null ? null : protector.Protect(spec.Password),
                Status = spec.Status, NextAttemptAt = spec.NextAttemptAt ?? now, CreatedAt = now,
            };
            db.Accounts.Add(account);
            db.NotificationOutbox.Add(message);
            seeded.Add(new SeededMessage(message.Id, recipient, spec.Password, hash));
        }

        await db.SaveChangesAsync();
        return seeded;
    }
}

public sealed record SeedSpec(
    string Channel = OutboxNames.Email, string Lang = "en-US", string? AppId = null, string? Password = null,
    string? Recipient = null, string? Name = "Ada Lovelace", string Status = OutboxNames.Pending, DateTime? NextAttemptAt = null);

public sealed record SeededMessage(string Id, string Recipient, string? Password, string? PasswordHash);
