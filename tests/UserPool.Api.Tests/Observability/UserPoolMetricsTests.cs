using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using UserPool.Api.Notifications;
using UserPool.Api.Observability;
using UserPool.Api.Tests.Infrastructure;
using UserPool.Api.Tests.Notifications;
using static UserPool.Api.Tests.Observability.MetricPoints;

namespace UserPool.Api.Tests.Observability;

/// <summary>
/// Each of the server's own instruments, read through the in-memory exporter of the running server after real
/// requests: a create batch with a password, a refused batch, a failed authentication, a throttled request, an outbox
/// message taken to its end. Totals are cumulative, so each test compares with the figure before its requests.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class UserPoolMetricsTests(TelemetryApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreateBatchWithAPassword_RecordsAccountsCreated_BatchSize_DurationBySuccess_AndHashingWait()
    {
        var before = api.CollectMetrics();
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new
        {
            list = new object[] { new { email = "metered-1@example.com", password = "Metered-pass-1" }, new { username = "metered-2" } },
        });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        var after = api.CollectMetrics();
        (string, string) user = (MetricNames.KindLabel, "user");
        Assert.True(Total(after, MetricNames.AccountsCreated, user) - Total(before, MetricNames.AccountsCreated, user) >= 2);
        (string, string) create = (MetricNames.OperationLabel, BatchOperations.Create);
        Assert.True(Total(after, MetricNames.BatchSize, user, create) > Total(before, MetricNames.BatchSize, user, create));
        (string, string) success = (MetricNames.OutcomeLabel, BatchOutcomes.Success);
        Assert.True(Total(after, MetricNames.BatchDuration, user, create, success) > Total(before, MetricNames.BatchDuration, user, create, success));
        Assert.True(Total(after, MetricNames.HashingWait) > Total(before, MetricNames.HashingWait));
        Assert.NotEmpty(Of(after, MetricNames.HashingQueued));
        AssertUnits(after);
    }

    [Fact]
    public async Task RefusedBatch_IsTimedWithOutcomeInvalid_AndCreatesNothing()
    {
        var before = api.CollectMetrics();
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-public-accounts-batch", new
        {
            list = new object[] { new { email = "not-an-address" }, new { email = "fine@example.com" } },
        });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        var after = api.CollectMetrics();
        (string, string) kind = (MetricNames.KindLabel, "public_account");
        (string, string) invalid = (MetricNames.OutcomeLabel, BatchOutcomes.Invalid);
        Assert.True(Total(after, MetricNames.BatchDuration, kind, invalid) > Total(before, MetricNames.BatchDuration, kind, invalid));
        Assert.Equal(0, await CountAccountsAsync());
    }

    [Fact]
    public async Task FailedAuthentication_IsCountedByItsReason()
    {
        var before = api.CollectMetrics();
        using var forger = api.CreateSignedClient(secret: "not-the-secret-of-this-access-key");

        var envelope = await forger.GetEnvelopeAsync("/api/v3/list-users");

        Assert.Equal(401, (int)envelope["statusCode"]!);
        (string, string) reason = (MetricNames.ReasonLabel, "invalid_signature");
        var after = api.CollectMetrics();
        Assert.True(Total(after, MetricNames.AuthenticationFailures, reason) > Total(before, MetricNames.AuthenticationFailures, reason));
    }

    [Fact]
    public async Task ThrottledRequest_IsCountedByTheLimiterThatRefusedIt()
    {
        var before = api.CollectMetrics();

        await ThrottleAnonymousRequestsAsync();

        (string, string) limiter = (MetricNames.LimiterLabel, Limiters.AddressRequests);
        var after = api.CollectMetrics();
        Assert.True(Total(after, MetricNames.RateLimitRefusals, limiter) > Total(before, MetricNames.RateLimitRefusals, limiter));
    }

    [Fact]
    public async Task OutboxMessage_IsObservedPendingThenDead_AndItsDeliveryOutcomeCounted()
    {
        var before = api.CollectMetrics();
        using var client = api.CreateSignedClient();
        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new
        {
            list = new[] { new { email = "outbox-metered@example.com" } },
            options = new { sendNotification = new { sendEmailNotification = true } },
        });
        Assert.Equal(200, (int)envelope["statusCode"]!);
        (string, string) pending = (MetricNames.StatusLabel, OutboxNames.Pending);
        (string, string) dead = (MetricNames.StatusLabel, OutboxNames.Dead);
        // The gauge answers from the last count and refreshes it behind; collect until the refreshed count shows.
        await Eventually.UntilAsync(() => Total(api.CollectMetrics(), MetricNames.OutboxMessages, pending) >= 1, "the pending message to be observed");

        // E-mail is not configured on this server: the dispatcher gives the message up at once.
        var dispatcher = ActivatorUtilities.CreateInstance<NotificationDispatcher>(api.Services);
        Assert.Equal(1, await dispatcher.DispatchOnceAsync(CancellationToken.None));

        await Eventually.UntilAsync(() => Total(api.CollectMetrics(), MetricNames.OutboxMessages, dead) >= 1
            && Total(api.CollectMetrics(), MetricNames.OutboxMessages, pending) == 0, "the dead message to be observed");
        (string, string) email = ("channel", OutboxNames.Email);
        var after = api.CollectMetrics();
        Assert.True(Total(after, "userpool.notifications.dead", email) > Total(before, "userpool.notifications.dead", email));
    }

    [Fact]
    public async Task NoMeasurement_CarriesThePoolId_ByDefault()
    {
        using var client = api.CreateSignedClient();
        await client.PostEnvelopeAsync("/api/v3/create-users-batch", new { list = new[] { new { username = "unlabelled" } } });
        await client.PostEnvelopeAsync("/api/v3/create-public-accounts-batch", new { list = new[] { new { username = "" } } });

        var ours = api.CollectMetrics().Where(m => m.MeterName == UserPoolMetrics.MeterName).ToList();

        Assert.Contains(ours, m => m.Name == MetricNames.BatchDuration);
        foreach (var point in ours.SelectMany(m => m.MetricPoints))
        {
            var labels = Labels(point);
            Assert.DoesNotContain(labels, l => Equals(l.Value, api.PoolId));
            Assert.All(labels.Keys, key => Assert.Contains(key, AllowedLabels));
        }
    }

    [Fact]
    public async Task RuntimeHttpAndDatabaseMetrics_AreCollectedToo()
    {
        using var client = api.CreateSignedClient();
        await client.GetEnvelopeAsync("/api/v3/list-users");

        var metrics = api.CollectMetrics();

        Assert.Contains(metrics, m => m.MeterName == "System.Runtime");
        Assert.Contains(metrics, m => m.Name == "http.server.request.duration");
        // Database time, from Npgsql's own meter.
        Assert.Contains(metrics, m => m.MeterName == "Npgsql" && m.Name == "db.client.operation.duration");
    }

    private static readonly string[] AllowedLabels =
    [
        MetricNames.KindLabel, MetricNames.OperationLabel, MetricNames.OutcomeLabel, MetricNames.ReasonLabel,
        MetricNames.LimiterLabel, MetricNames.StatusLabel, "channel",
    ];

    private static void AssertUnits(IReadOnlyList<OpenTelemetry.Metrics.MetricSnapshot> metrics)
    {
        Assert.Equal("s", metrics.First(m => m.Name == MetricNames.BatchDuration).Unit);
        Assert.Equal("s", metrics.First(m => m.Name == MetricNames.HashingWait).Unit);
        Assert.Equal("{account}", metrics.First(m => m.Name == MetricNames.AccountsCreated).Unit);
        Assert.Equal("{item}", metrics.First(m => m.Name == MetricNames.BatchSize).Unit);
    }

    /// <summary>Bursts of anonymous requests until one is refused (one a second is allowed): bursts, so a slow machine still exceeds it.</summary>
    private async Task ThrottleAnonymousRequestsAsync()
    {
        using var http = api.CreateClient();
        for (var burst = 0; burst < 10; burst++)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 4 * TelemetryApiFactory.AnonymousLimit).Select(_ =>
                http.PostAsJsonAsync("/api/v3/get-management-token",
                    new { accessKeyId = UserPoolApiFactory.AccessKeyId, accessKeySecret = UserPoolApiFactory.AccessKeySecret })));
            if (answers.Any(a => a.StatusCode == HttpStatusCode.TooManyRequests))
            {
                return;
            }
        }

        throw new Xunit.Sdk.XunitException("Never throttled.");
    }

    private async Task<int> CountAccountsAsync()
    {
        await using var db = api.CreateDbContext();
        return db.Accounts.Count();
    }
}
