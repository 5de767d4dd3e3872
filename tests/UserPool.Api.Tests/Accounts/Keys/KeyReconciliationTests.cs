using Microsoft.EntityFrameworkCore;
using Npgsql;
using UserPool.Api.Tests.Hosting;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Accounts.Keys;

/// <summary>
/// Accounts stored before the key normalizer (or under an older version of it): the server computes their keys at
/// start-up, keeps every account, quarantines the keys that now collide or are refused, warns, and
/// `accounts check-keys` lists them until they are fixed.
/// </summary>
[Collection(AccountsCollection.Name)]
public sealed class KeyReconciliationTests(UserPoolApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task StartUp_OverOldStyleRows_ComputesKeysQuarantinesCollisionsAndWarnsWithoutStopping()
    {
        await InsertOldStyleAsync(
            ("a-older", "Jos\u00e9", "bob@example.com", null, null),
            ("b-newer", "Jose\u0301", null, null, null),
            ("c-invisible", "bo\u200bb", null, null, null),
            ("d-phone", null, null, "13599930052", "+086"),
            ("e-phone", null, null, "13599930052", "+86"),
            ("f-plain", "plain", "PLAIN@example.com", null, null));

        var output = await ServerProcess.StartAndStopAsync(Environment());

        Assert.Contains("Application started", output);
        Assert.Contains("accounts check-keys", output);
        await using var db = api.CreateDbContext();
        var rows = await db.Accounts.OrderBy(a => a.CreatedAt).ToDictionaryAsync(a => a.Id);
        Assert.Equal(6, rows.Count);
        Assert.All(rows.Values, a => Assert.Equal(1, a.KeysVersion));
        Assert.Equal(("jos\u00e9", "bob@example.com", (string[]?)null), (rows[Id("a-older")].UsernameKey, rows[Id("a-older")].EmailKey, rows[Id("a-older")].KeyProblems));
        Assert.Equal("\u200b" + Id("b-newer"), rows[Id("b-newer")].UsernameKey);
        Assert.Equal([$"username: same key as account {Id("a-older")}"], rows[Id("b-newer")].KeyProblems!);
        Assert.Equal(["username: refused (invisible_character)"], rows[Id("c-invisible")].KeyProblems!);
        Assert.Equal("+8613599930052", rows[Id("d-phone")].PhoneKey);
        Assert.Equal([$"phone: same key as account {Id("d-phone")}"], rows[Id("e-phone")].KeyProblems!);
        Assert.Equal(("plain", "plain@example.com"), (rows[Id("f-plain")].UsernameKey, rows[Id("f-plain")].EmailKey));
        // Stored values are left as they were: nothing is rewritten, merged or hidden.
        Assert.Equal(("Jose\u0301", "+086"), (rows[Id("b-newer")].Username, rows[Id("d-phone")].PhoneCountryCode));
    }

    [Fact]
    public async Task AfterReNormalization_TheHolderAnswersLookupsAndNewLookAlikesAreRefused()
    {
        await InsertOldStyleAsync(("a-older", "Jos\u00e9", null, null, null), ("b-newer", "Jose\u0301", null, null, null));
        await ServerProcess.StartAndStopAsync(Environment());
        using var client = api.CreateSignedClient();

        var found = await client.GetEnvelopeAsync($"/api/v3/get-user?userId={Uri.EscapeDataString("JOSE\u0301")}&userIdType=username");
        var refused = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new { list = new[] { new { username = "jos\u00e9" } } });

        Assert.Equal(Id("a-older"), (string)found["data"]!["userId"]!);
        Assert.Equal(409, (int)refused["statusCode"]!);
        Assert.Equal(Id("a-older"), (string)refused["errors"]![0]!["conflict"]!["accountId"]!);
    }

    [Fact]
    public async Task CheckKeysCommand_ListsQuarantinedAccountsWithWhatToDo_AndForgetsThemOnceFixed()
    {
        await InsertOldStyleAsync(("a-older", "Jos\u00e9", null, null, null), ("b-newer", "Jose\u0301", null, null, null), ("c-invisible", "bo\u200bb", null, null, null));

        var (exitCode, output) = await ServerProcess.RunVerbAsync(Environment(), "accounts", "check-keys");

        Assert.Equal(3, exitCode);
        Assert.Contains($"user {Id("b-newer")}", output);
        Assert.Contains($"username: same key as account {Id("a-older")}", output);
        Assert.Contains($"user {Id("c-invisible")}", output);
        Assert.Contains("refused (invisible_character)", output);
        Assert.Contains("What to do", output);
        Assert.DoesNotContain($"user {Id("a-older")} ", output);

        await ExecuteAsync($"UPDATE accounts SET username = 'josie' WHERE id = '{Id("b-newer")}'; UPDATE accounts SET username = 'bob' WHERE id = '{Id("c-invisible")}'");
        var (fixedExit, fixedOutput) = await ServerProcess.RunVerbAsync(Environment(), "accounts", "check-keys");

        Assert.Equal(0, fixedExit);
        Assert.Contains("none is quarantined", fixedOutput);
        await using var db = api.CreateDbContext();
        Assert.Equal("josie", (await db.Accounts.SingleAsync(a => a.Id == Id("b-newer"))).UsernameKey);
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["ConnectionStrings__UserPool"] = api.ConnectionString,
        ["Bootstrap__AccessKeyId"] = UserPoolApiFactory.AccessKeyId,
        ["Bootstrap__AccessKeySecret"] = UserPoolApiFactory.AccessKeySecret,
    };

    /// <summary>A 24-character id made from a readable name, so the assertions say which row they mean.</summary>
    private static string Id(string name) => Convert.ToHexStringLower(System.Text.Encoding.ASCII.GetBytes(name.PadRight(12, '0')))[..24];

    /// <summary>Rows as the previous schema's writers left them: no keys, normalizer version 0, created in the listed order.</summary>
    private async Task InsertOldStyleAsync(params (string Name, string? Username, string? Email, string? Phone, string? CountryCode)[] rows)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        for (var i = 0; i < rows.Length; i++)
        {
            await using var command = new NpgsqlCommand("""
                INSERT INTO accounts (user_pool_id, id, kind, status, work_status, gender, email_verified, phone_verified,
                  reset_password_on_next_login, user_source_type, register_source, logins_count, post_ids,
                  status_changed_at, created_at, updated_at, username, email, phone, phone_country_code)
                VALUES ($1, $2, 1, 'Activated', 'Active', 'U', false, false, false, 'adminCreated', '{}', 0, '{}',
                  now(), now() - make_interval(mins => $3), now(), $4, $5, $6, $7)
                """, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = api.PoolId });
            command.Parameters.Add(new NpgsqlParameter { Value = Id(rows[i].Name) });
            command.Parameters.Add(new NpgsqlParameter { Value = rows.Length - i });
            foreach (var value in new[] { rows[i].Username, rows[i].Email, rows[i].Phone, rows[i].CountryCode })
            {
                command.Parameters.Add(new NpgsqlParameter { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            }

            await command.ExecuteNonQueryAsync();
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
