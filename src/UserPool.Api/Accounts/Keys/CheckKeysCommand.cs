namespace UserPool.Api.Accounts.Keys;

/// <summary>
/// <c>accounts check-keys</c>: re-normalizes what needs it (as start-up does), then lists the accounts whose keys
/// are quarantined, with what to do about each problem. Exit code 0 when there are none, 3 when some are listed.
/// </summary>
public static class CheckKeysCommand
{
    private const int MaxListed = 1_000;

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        await services.GetRequiredService<KeyReconciler>().ReconcileAsync(ct);
        var problems = services.GetRequiredService<KeyProblems>();
        var total = await problems.CountAsync(ct);
        if (total == 0)
        {
            output.WriteLine($"All accounts' e-mail, username and phone keys are current (normalizer version {KeyNormalizer.Version}); none is quarantined.");
            return 0;
        }

        output.WriteLine($"{total} accounts have quarantined keys (normalizer version {KeyNormalizer.Version}); a quarantined key matches no lookup.");
        foreach (var account in await problems.ListAsync(MaxListed, ct))
        {
            output.WriteLine($"pool {account.PoolId}  {account.Kind} {account.Id}  email={Show(account.Email)}  username={Show(account.Username)}  " +
                $"phone={Show(account.CountryCode)} {Show(account.Phone)}");
            foreach (var problem in account.Problems)
            {
                output.WriteLine($"    {problem}");
            }
        }

        if (total > MaxListed)
        {
            output.WriteLine($"… and {total - MaxListed} more (fix these and run the command again).");
        }

        output.WriteLine("""
            What to do:
              "same key as account X": both accounts hold what is now one e-mail/username/phone (e.g. é written two ways,
                full-width letters, +086 and +86). Decide which account keeps it; change or clear the value on the other
                (UPDATE accounts SET username = … WHERE user_pool_id = … AND id = …). X keeps answering lookups meanwhile.
              "refused (invisible_character)": the value holds a zero-width, bidi-control or soft-hyphen character;
                remove it. "refused (unassigned_character)": it holds a code point Unicode has not assigned.
              "refused (not_possible_phone)" / "(invalid_format)": correct the phone or its country code, or clear both.
            Then run `accounts check-keys` again (or restart the server): flagged accounts are re-examined every time.
            """);
        return 3;
    }

    private static string Show(string? value) => value is null ? "-" : System.Text.Json.JsonSerializer.Serialize(value);
}
