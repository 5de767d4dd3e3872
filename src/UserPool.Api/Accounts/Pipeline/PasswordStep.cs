using UserPool.Api.Accounts.Validation;
using UserPool.Api.Infrastructure;
using UserPool.Api.Passwords;
using UserPool.Api.Passwords.KeptHashes;
using UserPool.Api.Passwords.Transport;

namespace UserPool.Api.Accounts.Pipeline;

/// <summary>
/// Passwords, in two phases. <see cref="Prepare"/> (fast, before any database work) undoes transport
/// encryption and applies the password rules (PasswordRules, the kept-hash registry), so its failures are
/// reported with the others. <see cref="HashAsync"/>
/// (slow) runs on the hashing pool while the database checks run, and fills the accounts' password fields.
/// </summary>
public sealed class PasswordStep(PasswordHashingPool hashing, PasswordTransport transport, DateTime now)
{
    public void Prepare(IReadOnlyList<AccountDraft> drafts, BatchErrors errors)
    {
        foreach (var draft in drafts)
        {
            // An empty string is how several SDKs (Go's among them) write "no password".
            var sent = string.IsNullOrEmpty(draft.Item.Password) ? null : draft.Item.Password;
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

    /// <summary>True once <see cref="HashAsync"/> has queued any password for hashing (set before it first awaits).</summary>
    public bool Hashing { get; private set; }

    public async Task HashAsync(IReadOnlyList<AccountDraft> drafts, CancellationToken ct)
    {
        var pending = new List<Task>();
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
                Hashing = true;
                pending.Add(HashInto(account, plaintext, ct));
            }
            else
            {
                continue;
            }

            account.PasswordLastSetAt = now;
        }

        await Task.WhenAll(pending);
    }

    private static string? Generate(AccountDraft draft) =>
        draft.Options.AutoGeneratePassword ? draft.GeneratedPassword = PasswordGenerator.Generate() : null;

    private async Task HashInto(Data.Entities.Account account, string plaintext, CancellationToken ct) =>
        account.PasswordHash = await hashing.HashAsync(plaintext, ct);
}
