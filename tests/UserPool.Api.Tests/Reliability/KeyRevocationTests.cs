using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using UserPool.Api.Tests.CustomFields;
using UserPool.Api.Tests.Hosting;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Reliability;

/// <summary>
/// `keys revoke` on one database reaches every running server within Security:AccessKeyCacheSeconds: two real
/// server processes refuse the key's signatures and the management tokens it signed, while another key goes on.
/// </summary>
public sealed class KeyRevocationTests
{
    private const string KeyId = "revocation-test-key";
    private const string Secret = "revocation-test-secret-0123456789abcdef";
    private const int CacheSeconds = 2;

    // Measured from the verb's exit: a request's own time on a loaded machine, on top of the documented delay.
    private static readonly TimeSpan MeasurementSlack = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task A_revoked_key_and_its_tokens_are_refused_by_two_running_servers_within_the_documented_delay()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__UserPool"] = connectionString,
            ["Bootstrap__AccessKeyId"] = KeyId,
            ["Bootstrap__AccessKeySecret"] = Secret,
            ["Security__AccessKeyCacheSeconds"] = CacheSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications__DispatcherEnabled"] = "false",
        };
        var urls = new[] { $"http://127.0.0.1:{ServerProcess.FreePort()}", $"http://127.0.0.1:{ServerProcess.FreePort()}" };
        var servers = new List<Process>();
        try
        {
            servers.Add(await ServerProcess.StartServingAsync(environment, urls[0]));
            servers.Add(await ServerProcess.StartServingAsync(environment, urls[1]));
            var poolId = await PoolOfAsync(connectionString, KeyId);
            var (_, created) = await ServerProcess.RunVerbAsync(environment, "keys", "create", "--pool", poolId);
            var otherKey = System.Text.RegularExpressions.Regex.Match(created, @"accessKeyId\s+(\S+)").Groups[1].Value;
            var otherSecret = System.Text.RegularExpressions.Regex.Match(created, @"accessKeySecret\s+(\S+)").Groups[1].Value;
            var tokens = new List<string>();
            foreach (var url in urls)
            {
                Assert.Equal(200, await SignedStatusAsync(url, KeyId, Secret));
                tokens.Add(await TokenAsync(url));
                Assert.Equal(200, await TokenStatusAsync(url, tokens[^1], poolId));
            }

            var (listExit, listed) = await ServerProcess.RunVerbAsync(environment, "keys", "list", "--pool", poolId);
            Assert.Equal(0, listExit);
            var keyLine = Assert.Single(listed.Split('\n'), l => l.StartsWith(KeyId, StringComparison.Ordinal));
            Assert.Matches(@"^\S+\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\s+-\s*$", keyLine.TrimEnd('\r'));
            Assert.Contains(listed.Split('\n'), l => l.StartsWith(otherKey, StringComparison.Ordinal));
            Assert.DoesNotContain(Secret, listed);
            Assert.DoesNotContain(otherSecret, listed);

            var (revokeExit, revoked) = await ServerProcess.RunVerbAsync(environment, "keys", "revoke", KeyId);
            Assert.True(revokeExit == 0, revoked);
            var sinceRevocation = Stopwatch.StartNew();
            foreach (var (url, token) in urls.Zip(tokens))
            {
                await UntilRefusedAsync(() => SignedStatusAsync(url, KeyId, Secret), sinceRevocation);
                await UntilRefusedAsync(() => TokenStatusAsync(url, token, poolId), sinceRevocation);
                Assert.Equal(200, await SignedStatusAsync(url, otherKey, otherSecret));
            }

            var (_, listedAfter) = await ServerProcess.RunVerbAsync(environment, "keys", "list", "--pool", poolId);
            var revokedLine = Assert.Single(listedAfter.Split('\n'), l => l.StartsWith(KeyId, StringComparison.Ordinal));
            Assert.Matches(@"\d\d:\d\d:\d\dZ\s*$", revokedLine.TrimEnd('\r'));
        }
        finally
        {
            foreach (var server in servers)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
                server.Dispose();
            }
        }
    }

    private static async Task UntilRefusedAsync(Func<Task<int>> send, Stopwatch sinceRevocation)
    {
        var deadline = TimeSpan.FromSeconds(CacheSeconds) + MeasurementSlack;
        while (await send() != 401)
        {
            Assert.True(sinceRevocation.Elapsed < deadline, $"Still accepted {sinceRevocation.Elapsed} after the revocation.");
            await Task.Delay(100);
        }
    }

    private static async Task<int> SignedStatusAsync(string url, string keyId, string secret)
    {
        using var client = new SignedClient(new HttpClient { BaseAddress = new Uri(url) }, keyId, secret);
        return (await Envelopes.ReadAsync(await client.GetAsync(CustomFieldCalls.GetPath + "?targetType=USER"))).StatusCode();
    }

    private static async Task<string> TokenAsync(string url)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var response = await http.PostAsJsonAsync("/api/v3/get-management-token", new { accessKeyId = KeyId, accessKeySecret = Secret });
        var envelope = await Envelopes.ReadAsync(response);
        Envelopes.AssertSuccess(envelope);
        return (string)envelope["data"]!["access_token"]!;
    }

    private static async Task<int> TokenStatusAsync(string url, string token, string poolId)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        using var request = new HttpRequestMessage(HttpMethod.Get, CustomFieldCalls.GetPath + "?targetType=USER");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        request.Headers.TryAddWithoutValidation("x-authing-userpool-id", poolId);
        return (await Envelopes.ReadAsync(await http.SendAsync(request))).StatusCode();
    }

    private static async Task<string> PoolOfAsync(string connectionString, string keyId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT user_pool_id FROM access_keys WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", keyId);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
