namespace UserPool.Api.Accounts.Keys;

/// <summary>
/// At start-up, after migrations: re-normalize the accounts stored under an older normalizer, then warn once when
/// some accounts' keys are quarantined. Such accounts never stop the server: an operator starts it and fixes them.
/// </summary>
public sealed class KeyStartup(KeyReconciler reconciler, KeyProblems problems, ILogger<KeyStartup> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        await reconciler.ReconcileAsync(ct);
        var flagged = await problems.CountAsync(ct);
        if (flagged > 0)
        {
            logger.LogWarning(
                "{Accounts} accounts hold an e-mail, username or phone that another account already holds under the key rules " +
                "(version {Version}) or that the rules refuse; those keys are quarantined until fixed. Run `accounts check-keys` " +
                "to list them and what to do", flagged, KeyNormalizer.Version);
        }
    }
}
