using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using UserPool.Api.Security;

namespace UserPool.Api.Notifications;

/// <summary>
/// Delivers one claimed batch: messages that cannot be sent are dead at once; the rest go out over
/// MaxParallelSends lanes, each outcome recorded as soon as it is known. Once stopping is signalled no
/// new send starts (a send under way finishes), and the untried messages are handed back.
/// </summary>
public sealed class OutboxProcessor(
    OutboxStore store,
    IEnumerable<INotificationSender> senders,
    SecretProtector protector,
    IOptionsMonitor<NotificationOptions> options,
    NotificationMetrics metrics,
    ILogger<OutboxProcessor> logger)
{
    private readonly IReadOnlyDictionary<string, INotificationSender> _senders = senders.ToDictionary(s => s.Channel);

    public async Task<BatchSummary> ProcessAsync(IReadOnlyList<ClaimedMessage> batch, CancellationToken stopping)
    {
        var settings = options.CurrentValue;
        var queue = new ConcurrentQueue<ClaimedMessage>();
        var undeliverable = new List<DeliveryOutcome>();
        foreach (var message in batch)
        {
            if (WhyUndeliverable(message, settings) is { } reason)
            {
                undeliverable.Add(DeliveryOutcome.Dead(message, reason));
            }
            else
            {
                queue.Enqueue(message);
            }
        }

        await RecordAsync(undeliverable, settings);
        var lanes = Enumerable.Range(0, Math.Min(settings.MaxParallelSends, queue.Count))
            .Select(_ => RunLaneAsync(queue, settings, stopping));
        var outcomes = (await Task.WhenAll(lanes)).SelectMany(o => o).Concat(undeliverable).ToList();
        var untried = queue.ToList();
        await store.ReleaseAsync(untried, CancellationToken.None);
        return new BatchSummary(batch.Count, Count(outcomes, OutboxNames.Sent), Count(outcomes, OutboxNames.Pending),
            Count(outcomes, OutboxNames.Dead), untried.Count);
    }

    private string? WhyUndeliverable(ClaimedMessage message, NotificationOptions settings)
    {
        if (!_senders.TryGetValue(message.Channel, out var sender))
        {
            return $"unknown channel '{message.Channel}'";
        }

        if (!NotificationTemplates.IsKnown(message.Template))
        {
            return $"unknown template '{message.Template}'";
        }

        if (NotificationTemplates.NeedsPassword(message.Template) && message.ProtectedPassword is null)
        {
            return "the generated password is missing";
        }

        // Attempts beyond the maximum were claims whose dispatcher died before recording anything.
        return message.Attempts > settings.MaxAttempts
            ? $"gave up after {settings.MaxAttempts} attempts (the last ones were interrupted)"
            : sender.UnavailableReason;
    }

    private async Task<List<DeliveryOutcome>> RunLaneAsync(ConcurrentQueue<ClaimedMessage> queue, NotificationOptions settings, CancellationToken stopping)
    {
        var outcomes = new List<DeliveryOutcome>();
        var sessions = new Dictionary<string, INotificationSession>();
        try
        {
            while (!stopping.IsCancellationRequested && queue.TryDequeue(out var message))
            {
                if (!sessions.TryGetValue(message.Channel, out var session))
                {
                    sessions[message.Channel] = session = _senders[message.Channel].OpenSession();
                }

                var outcome = await DeliverAsync(message, session, settings);
                await RecordAsync([outcome], settings);
                outcomes.Add(outcome);
            }
        }
        finally
        {
            foreach (var session in sessions.Values)
            {
                await session.DisposeAsync();
            }
        }

        return outcomes;
    }

    private async Task<DeliveryOutcome> DeliverAsync(ClaimedMessage message, INotificationSession session, NotificationOptions settings)
    {
        string? password;
        try
        {
            password = message.ProtectedPassword is null ? null : protector.Unprotect(message.ProtectedPassword);
        }
        catch (CryptographicException)
        {
            return DeliveryOutcome.Dead(message, "the generated password cannot be decrypted (was the data-protection key ring replaced?)");
        }

        using var timeout = new CancellationTokenSource(settings.SendTimeout);
        try
        {
            await session.SendAsync(message.ToNotification(settings.LoginUrlFor(message.AppId), password), timeout.Token);
            return DeliveryOutcome.Sent(message);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            var error = DeliveryErrors.Describe(exception, timeout.IsCancellationRequested, settings.SendTimeout, password);
            return message.Attempts >= settings.MaxAttempts
                ? DeliveryOutcome.Dead(message, error)
                : DeliveryOutcome.Retry(message, error, RetryBackoff.Delay(message.Attempts, settings));
        }
    }

    /// <summary>Outcomes must be written even while the host stops: an unrecorded send is sent again.</summary>
    private async Task RecordAsync(IReadOnlyCollection<DeliveryOutcome> outcomes, NotificationOptions settings)
    {
        await store.RecordAsync(outcomes, CancellationToken.None);
        foreach (var outcome in outcomes)
        {
            metrics.Record(outcome);
            var m = outcome.Message;
            switch (outcome.Status)
            {
                case OutboxNames.Sent:
                    NotificationLog.Sent(logger, m.Id, m.Channel, m.Attempts);
                    break;
                case OutboxNames.Pending:
                    NotificationLog.Retrying(logger, m.Id, m.Channel, m.Attempts, settings.MaxAttempts, outcome.RetryDelay, outcome.Error!);
                    break;
                default:
                    NotificationLog.Dead(logger, m.Id, m.Channel, m.Attempts, outcome.Error!);
                    break;
            }
        }
    }

    private static int Count(List<DeliveryOutcome> outcomes, string status) => outcomes.Count(o => o.Status == status);
}

public sealed record BatchSummary(int Claimed, int Sent, int Retried, int Dead, int Released);
