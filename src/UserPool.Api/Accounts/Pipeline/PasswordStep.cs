using UserPool.Api.Infrastructure;
using UserPool.Api.Passwords;
using UserPool.Api.Passwords.KeptHashes;
using UserPool.Api.Passwords.Transport;
using UserPool.Api.Validation;

namespace UserPool.Api.Accounts.Pipeline;

/// <summary>
/// Passwords, in two phases. <see cref="Prepare"/> (fast, before any database work) undoes transport
/// encryption and applies the password rules (PasswordRules, the kept-hash registry), so its failures are
/// reported with the others. <see cref="HashAsync"/>
/// (slow) runs on the hashing pool while the database checks run, and fills the accounts' password fields.
/// </summary>
public sealed class PasswordStep(PasswordHashingPool hashing, PasswordTransport transport, DateTime now, string poolId)
{
    public void Prepare(IReadOnlyList<AccountDraft> drafts, BatchErrors errors)
    {
        foreach (var draft in drafts)
        {
            // An empty string is how several SDKs (Go's among them) write "no password".
            var sent = string.IsNullOrEmpty(draft.Item.Password) ? null : draft.Item.Password;
            WillHash |= sent is null ? draft.Options.AutoGeneratePassword : !draft.Options.KeepPassword;
            if (sent is null || (!draft.IsValid && errors.HasErrorFor(draft.Index, "password")))
            {
                // Validation already refused the text as sent (control characters, length): one error says it.
                continue;
            }

            var encrypted = PasswordEncryptTypes.TryParse(draft.Options.PasswordEncryptType, out var type) && type != PasswordEncryptType.None;
            if (!encrypted)
            {
                draft.Password = sent;
            }
            else
            {
                var result = transport.Decrypt(type, sent);
                if (!result.Succeeded)
                {
                    errors.Invalid(draft.Index, "password", ErrorCodes.DecryptionFailed, result.Status == TransportDecryptStatus.TooLong
                        ? RequestLanguage.Pick("密码密文过长", "The encrypted password is longer than the key allows")
                        : RequestLanguage.Pick("密码无法解密", "The password could not be decrypted"));
                    continue;
                }

                draft.Password = result.Plaintext;
            }

            if (Fault(draft, encrypted) is { } fault)
            {
                errors.Invalid(draft.Index, "password", fault.Code, fault.Message);
            }
        }
    }

    private static PasswordFault? Fault(AccountDraft draft, bool decrypted)
    {
        if (!draft.Options.KeepPassword)
        {
            return PasswordRules.PlaintextFault(draft.Password!);
        }

        var reading = KeptHashRegistry.Read(draft.Password!, hasSeparateSalt: !string.IsNullOrEmpty(draft.Item.Salt));
        draft.KeptHashAlgorithm = reading.Algorithm;
        return PasswordRules.KeptHashFault(reading, decrypted);
    }

    /// <summary>
    /// Whether <see cref="HashAsync"/> will hash anything (a plaintext sent, or a password to generate), known once
    /// <see cref="Prepare"/> has run: such a batch is checked against the database before it spends hashing time.
    /// </summary>
    public bool WillHash { get; private set; }

    /// <summary>
    /// Not async: when the pool has too much hashing waiting, the hashing pool's 429 is thrown from here, before the
    /// caller opens a connection, hashes or writes anything.
    /// </summary>
    public Task HashAsync(IReadOnlyList<AccountDraft> drafts, CancellationToken ct)
    {
        var pending = new List<(Data.Entities.Account Account, string Plaintext)>();
        foreach (var draft in drafts)
        {
            var account = draft.Account;
            account.ResetPasswordOnNextLogin = draft.Options.ResetPasswordOnFirstLogin;
            if (draft.Password is { } kept && draft.Options.KeepPassword)
            {
                // A hash from another system, stored verbatim with its salt for a later verify-and-rehash.
                account.PasswordHash = kept;
                account.PasswordSalt = string.IsNullOrEmpty(draft.Item.Salt) ? null : draft.Item.Salt;
                account.PasswordAlgorithm = draft.KeptHashAlgorithm;
            }
            else if ((draft.Password ?? Generate(draft)) is { } plaintext)
            {
                account.PasswordAlgorithm = PasswordAlgorithms.Bcrypt;
                pending.Add((account, plaintext));
            }
            else
            {
                continue;
            }

            account.PasswordLastSetAt = now;
        }

        if (pending.Count == 0)
        {
            return Task.CompletedTask;
        }

        var hashes = hashing.HashAllAsync(poolId, pending.Select(p => p.Plaintext).ToList(), ct);
        return StoreAsync(pending, hashes);
    }

    private static async Task StoreAsync(List<(Data.Entities.Account Account, string Plaintext)> pending, Task<string[]> hashes)
    {
        var hashed = await hashes;
        for (var i = 0; i < pending.Count; i++)
        {
            pending[i].Account.PasswordHash = hashed[i];
        }
    }

    private static string? Generate(AccountDraft draft) =>
        draft.Options.AutoGeneratePassword ? draft.GeneratedPassword = PasswordGenerator.Generate() : null;
}
