namespace UserPool.Api.Security.KeyRing;

/// <summary>One start-up line telling the operator how the Data Protection key ring is protected.</summary>
public sealed partial class KeyRingProtectionReport(KeyRingProtectionReport.Description description, ILogger<KeyRingProtectionReport> logger)
    : IHostedService
{
    public sealed record Description(string Text);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Log(logger, description.Text);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Data Protection key ring (encrypts stored secrets): {Protection}")]
    private static partial void Log(ILogger logger, string protection);
}
