using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Observability;

/// <summary>One Information line per batch, with what an operator needs to follow it and nothing of the items' values.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class BatchLogTests(TelemetryApiFactory api) : IAsyncLifetime
{
    private const string Category = "UserPool.Api.Observability.BatchObserver";

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SuccessfulBatch_LogsOneLine_WithPoolKindItemsOutcomeAndTime_ButNoValues()
    {
        var seen = BatchLines().Count;
        using var client = api.CreateSignedClient();

        await client.PostEnvelopeAsync("/api/v3/create-users-batch", new
        {
            list = new object[] { new { email = "logged-1@example.com", password = "Logged-secret-1" }, new { phone = "13700000077" } },
        });

        var line = Assert.Single(BatchLines().Skip(seen));
        Assert.StartsWith("Information", line);
        Assert.Contains($"PoolId={api.PoolId}", line);
        Assert.Contains("Operation=create", line);
        Assert.Contains("Kind=user", line);
        Assert.Contains("Items=2", line);
        Assert.Contains("Outcome=success", line);
        Assert.Contains("FailingItems=0", line);
        Assert.Matches(@"ElapsedMs=\d", line);
        Assert.DoesNotContain("logged-1@example.com", line);
        Assert.DoesNotContain("Logged-secret-1", line);
        Assert.DoesNotContain("13700000077", line);
    }

    [Fact]
    public async Task RefusedBatch_LogsItsOutcome_AndHowManyItemsFailed()
    {
        var seen = BatchLines().Count;
        using var client = api.CreateSignedClient();
        await client.PostEnvelopeAsync("/api/v3/create-users-batch", new
        {
            list = new object[] { new { email = "first@example.com" }, new { email = "bad-address" }, new { email = "first@example.com" } },
        });

        await client.PostEnvelopeAsync("/api/v3/create-public-account", new { email = "also bad" });

        var lines = BatchLines().Skip(seen).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Contains("Items=3", lines[0]);
        Assert.Contains("Outcome=invalid", lines[0]);
        Assert.Contains("FailingItems=2", lines[0]);
        Assert.DoesNotContain("bad-address", lines[0]);
        Assert.Contains("Kind=public_account", lines[1]);
        Assert.Contains("Items=1", lines[1]);
        Assert.Contains("FailingItems=1", lines[1]);
    }

    private List<string> BatchLines() => api.Logs.Lines.Where(l => l.Contains($" {Category}[")).ToList();
}
