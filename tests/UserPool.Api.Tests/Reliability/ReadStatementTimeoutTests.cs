using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using UserPool.Api.Infrastructure;
using UserPool.Api.Tests.Infrastructure;
using UserPool.Api.Tests.Reliability.Support;

namespace UserPool.Api.Tests.Reliability;

/// <summary>
/// A read over its statement timeout is a 503 envelope with Retry-After, and the one pooled connection it ran on
/// comes back usable, its statement_timeout as it was (SET LOCAL ends with the read's transaction), also when the
/// pool's every connection is taken at once.
/// </summary>
[Collection(NoisyNeighbourCollection.Name)]
public sealed class ReadStatementTimeoutTests(StatementTimeoutApiFactory api) : IClassFixture<StatementTimeoutApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_search_over_the_statement_timeout_is_a_503_with_retry_after_and_the_connection_works_after_it()
    {
        using var client = api.CreateSignedClient();
        await AccountFill.CreateAsync(client, "t", 1000);

        var response = await client.PostAsync("/api/v3/list-users", AccountFill.MaximalSearch());
        var envelope = await Envelopes.ReadAsync(response);

        Assert.Equal(503, (int)response.StatusCode);
        Assert.Equal(503, (int)envelope["statusCode"]!);
        Assert.Equal(ApiExceptionHandler.ReadTimeoutMessage, (string?)envelope["message"]);
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {response.Headers.RetryAfter}");

        var created = await client.PostEnvelopeAsync("/api/v3/create-user", new { username = "after-the-timeout" });
        Assert.True((int)created["statusCode"]! == 200, created.ToJsonString());
        // The pool holds two connections: taken together, one of them is the one the timed-out search ran on.
        var dataSource = api.Services.GetRequiredService<NpgsqlDataSource>();
        await using var first = await dataSource.OpenConnectionAsync();
        await using var second = await dataSource.OpenConnectionAsync();
        foreach (var connection in new[] { first, second })
        {
            await using var command = new NpgsqlCommand("SHOW statement_timeout", connection);
            Assert.Equal("0", (string?)await command.ExecuteScalarAsync());
        }
    }
}
