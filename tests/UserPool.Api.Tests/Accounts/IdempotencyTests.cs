using Microsoft.EntityFrameworkCore;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Accounts;

[Collection(AccountsCollection.Name)]
public sealed class IdempotencyTests(UserPoolApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SameKeyAndBody_AnswersTheFirstAnswerAgain_WithoutCreatingAnything()
    {
        using var client = api.CreateSignedClient();
        var body = new { list = new[] { SampleUsers.Full(), SampleUsers.Full() } };

        var first = await SendAsync(client, "/api/v3/create-users-batch", body, "retry-1");
        var second = await SendAsync(client, "/api/v3/create-users-batch", body, "retry-1");

        Assert.Equal(200, (int)first.Envelope["statusCode"]!);
        Assert.Equal(first.Envelope.ToJsonString(), second.Envelope.ToJsonString());
        Assert.True(second.Replayed);
        Assert.False(first.Replayed);
        await using var db = api.CreateDbContext();
        Assert.Equal(2, await db.Accounts.CountAsync());
    }

    [Fact]
    public async Task SameKeyWithAnotherBody_IsRefused()
    {
        using var client = api.CreateSignedClient();
        await SendAsync(client, "/api/v3/create-user", new { username = "first" }, "k");

        var second = await SendAsync(client, "/api/v3/create-user", new { username = "second" }, "k");

        Assert.Equal(422, (int)second.Envelope["statusCode"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal(1, await db.Accounts.CountAsync());
    }

    [Fact]
    public async Task KeysArePerPool()
    {
        using var client = api.CreateSignedClient();
        using var other = (await api.CreateOtherPoolClientAsync()).Client;
        await SendAsync(client, "/api/v3/create-public-account", new { username = "mine" }, "shared-key");

        var theirs = await SendAsync(other, "/api/v3/create-public-account", new { username = "mine" }, "shared-key");

        Assert.Equal(200, (int)theirs.Envelope["statusCode"]!);
        Assert.False(theirs.Replayed);
    }

    [Fact]
    public async Task AFailedFirstAttempt_IsNotStored_SoTheRetryRunsAgain()
    {
        using var client = api.CreateSignedClient();
        var taken = await SendAsync(client, "/api/v3/create-user", new { username = "taken" }, null);
        var body = new { list = new[] { new { username = "taken" } } };
        var refused = await SendAsync(client, "/api/v3/create-users-batch", body, "after-fix");
        await using (var db = api.CreateDbContext())
        {
            await db.Accounts.Where(a => a.Username == "taken").ExecuteDeleteAsync();
        }

        var retried = await SendAsync(client, "/api/v3/create-users-batch", body, "after-fix");

        Assert.Equal(200, (int)taken.Envelope["statusCode"]!);
        Assert.Equal(409, (int)refused.Envelope["statusCode"]!);
        Assert.Equal(200, (int)retried.Envelope["statusCode"]!);
        Assert.False(retried.Replayed);
    }

    [Fact]
    public async Task ConcurrentRetriesWithOneKey_CreateOnce_AndAllGetTheSameAnswer()
    {
        using var client = api.CreateSignedClient();
        var body = new { list = Enumerable.Range(0, 10).Select(_ => SampleUsers.Full()).ToArray() };

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SendAsync(client, "/api/v3/create-users-batch", body, "burst")));

        Assert.All(answers, a => Assert.Equal(200, (int)a.Envelope["statusCode"]!));
        Assert.Single(answers.Select(a => a.Envelope["data"]!.ToJsonString()).Distinct());
        await using var db = api.CreateDbContext();
        Assert.Equal(10, await db.Accounts.CountAsync());
    }

    [Fact]
    public async Task AStoredAnswer_SurvivesARestartOfTheServer()
    {
        using var client = api.CreateSignedClient();
        var body = new { username = "durable" };
        var first = await SendAsync(client, "/api/v3/create-user", body, "durable-key");
        await using var restarted = new UserPoolApiFactoryOnDatabase(api.ConnectionString);
        using var afterRestart = restarted.CreateSignedClient();

        var retried = await SendAsync(afterRestart, "/api/v3/create-user", body, "durable-key");

        Assert.True(retried.Replayed);
        Assert.Equal(first.Envelope.ToJsonString(), retried.Envelope.ToJsonString());
    }

    private static async Task<(System.Text.Json.Nodes.JsonObject Envelope, bool Replayed)> SendAsync(SignedClient client, string path, object body, string? key)
    {
        var request = client.Sign(HttpMethod.Post, path, System.Text.Json.JsonSerializer.Serialize(body, Json.Options));
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        var response = await client.Http.SendAsync(request);
        return (await Envelopes.ReadAsync(response), response.Headers.Contains("Idempotent-Replayed"));
    }
}
