using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.CustomFields;

/// <summary>encrypted: true custom fields: ciphertext at rest, plaintext through every management read.</summary>
[Collection(AccountsCollection.Name)]
public sealed class CustomFieldEncryptedTests(UserPoolApiFactory api) : IAsyncLifetime
{
    private const string Secret = "110105194912310025";

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreateUser_WithAnEncryptedField_StoresNoPlaintextAndAnswersItDecryptedEverywhere()
    {
        using var client = api.CreateSignedClient();
        await client.DefineOkAsync("id_card", encrypted: true);
        await client.DefineOkAsync("school");

        var created = await client.CreateUsersAsync(new { username = "a", customData = new { id_card = Secret, school = "清华" } });
        var id = (string)created["data"]![0]!["userId"]!;
        var got = await client.GetEnvelopeAsync($"/api/v3/get-user?userId={id}&userIdType=user_id&withCustomData=true&flatCustomData=true");
        var listed = await client.PostEnvelopeAsync("/api/v3/list-users", new { options = new { withCustomData = true } });

        var row = Assert.Single(await api.SqlAsync("SELECT custom_data::text FROM accounts"))!;
        Assert.DoesNotContain(Secret, row);
        Assert.Contains("$protected", row);
        Assert.Contains("清华", row);
        Assert.Equal(Secret, (string)created["data"]![0]!["customData"]!["id_card"]!);
        Assert.Equal(Secret, (string)got["data"]!["customData"]!["id_card"]!);
        Assert.Equal(Secret, (string)got["data"]!["id_card"]!);
        Assert.Equal("清华", (string)got["data"]!["customData"]!["school"]!);
        Assert.Equal(Secret, (string)listed["data"]!["list"]![0]!["customData"]!["id_card"]!);
    }

    [Fact]
    public async Task PublicAccountReads_AnswerEncryptedValuesDecrypted()
    {
        using var client = api.CreateSignedClient();
        await client.DefineOkAsync("id_card", encrypted: true);
        var id = await client.CreateUserAsync(new { username = "shared", customData = new { id_card = Secret } }, "/api/v3/create-public-accounts-batch");

        var one = await client.GetEnvelopeAsync($"/api/v3/get-public-account?userId={id}&userIdType=user_id&withCustomData=true");
        var batch = await client.GetEnvelopeAsync($"/api/v3/get-public-account-batch?userIds={id}&userIdType=user_id&withCustomData=true");
        var listed = await client.PostEnvelopeAsync("/api/v3/list-public-accounts", new { options = new { withCustomData = true } });

        Assert.DoesNotContain(Secret, Assert.Single(await api.SqlAsync("SELECT custom_data::text FROM accounts"))!);
        Assert.Equal(Secret, (string)one["data"]!["customData"]!["id_card"]!);
        Assert.Equal(Secret, (string)batch["data"]![0]!["customData"]!["id_card"]!);
        Assert.Equal(Secret, (string)listed["data"]!["list"]![0]!["customData"]!["id_card"]!);
    }

    [Fact]
    public async Task SetCustomFields_TurningEncryptionOnAndOff_EncryptsAndDecryptsStoredValues()
    {
        using var client = api.CreateSignedClient();
        await client.DefineOkAsync("id_card", "NUMBER");
        var id = await client.CreateUserAsync(new { username = "a", customData = new { id_card = 42 } });
        await client.CreateUserAsync(new { username = "b" });

        await client.DefineOkAsync("id_card", "NUMBER", encrypted: true);
        var encrypted = await api.SqlAsync("SELECT custom_data ->> 'id_card' FROM accounts WHERE id = $1", id);
        var whileEncrypted = await client.GetEnvelopeAsync($"/api/v3/get-user?userId={id}&userIdType=user_id&withCustomData=true");
        await client.DefineOkAsync("id_card", "NUMBER", encrypted: false);

        Assert.Contains("$protected", encrypted[0]);
        Assert.Equal(42, (int)whileEncrypted["data"]!["customData"]!["id_card"]!);
        Assert.Equal(["42"], await api.SqlAsync("SELECT custom_data ->> 'id_card' FROM accounts WHERE id = $1", id));
        Assert.Equal(["{}"], await api.SqlAsync("SELECT coalesce(custom_data, '{}')::text FROM accounts WHERE username = 'b'"));
    }

    [Fact]
    public async Task UniqueAndEncrypted_RefusesARepeatWithoutRepeatingTheValueAndStoresOnlyAKeyedHash()
    {
        using var client = api.CreateSignedClient();
        await client.DefineOkAsync("id_card", isUnique: true, encrypted: true);
        var holder = await client.CreateUserAsync(new { username = "a", customData = new { id_card = Secret } });

        var envelope = await client.CreateUsersAsync(new { username = "b", customData = new { id_card = " " + Secret } });

        Assert.Equal(409, (int)envelope["statusCode"]!);
        Assert.Equal(holder, (string)envelope["errors"]![0]!["conflict"]!["accountId"]!);
        Assert.DoesNotContain(Secret, envelope.ToJsonString());
        var stored = Assert.Single(await api.SqlAsync("SELECT encode(value_hash, 'hex') FROM custom_field_unique_values"));
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Secret))), stored);
    }

    [Fact]
    public async Task SetCustomFields_EncryptingAUniqueField_KeepsItUniqueOverTheKeyedHash()
    {
        using var client = api.CreateSignedClient();
        await client.DefineOkAsync("id_card", isUnique: true);
        var holder = await client.CreateUserAsync(new { username = "a", customData = new { id_card = Secret } });
        var plainHash = await api.SqlAsync("SELECT encode(value_hash, 'hex') FROM custom_field_unique_values");

        await client.DefineOkAsync("id_card", encrypted: true);
        var envelope = await client.CreateUsersAsync(new { username = "b", customData = new { id_card = Secret } });

        Assert.NotEqual(plainHash, await api.SqlAsync("SELECT encode(value_hash, 'hex') FROM custom_field_unique_values"));
        Assert.Equal(holder, (string)envelope["errors"]![0]!["conflict"]!["accountId"]!);
        Assert.DoesNotContain(Secret, Assert.Single(await api.SqlAsync("SELECT custom_data::text FROM accounts"))!);
    }

    [Fact]
    public async Task SetCustomFields_MakingCollidingEncryptedValuesUnique_IsRefusedWithoutTheValue()
    {
        using var client = api.CreateSignedClient();
        await client.DefineOkAsync("id_card", encrypted: true);
        var first = await client.CreateUserAsync(new { username = "a", customData = new { id_card = Secret } });
        var second = await client.CreateUserAsync(new { username = "b", customData = new { id_card = Secret } });

        var envelope = await client.DefineAsync("id_card", isUnique: true);

        Assert.Equal(409, (int)envelope["statusCode"]!);
        Assert.Contains(first, envelope.ToJsonString());
        Assert.Contains(second, envelope.ToJsonString());
        Assert.DoesNotContain(Secret, envelope.ToJsonString());
        Assert.Empty(await api.UniqueRowsAsync("id_card"));
    }

    [Fact]
    public async Task IdempotentCreate_KeepsItsStoredAnswerEncryptedAndReplaysItDecrypted()
    {
        using var client = api.CreateSignedClient();
        await client.DefineOkAsync("id_card", encrypted: true);
        var body = System.Text.Json.JsonSerializer.Serialize(new { list = new[] { new { username = "a", customData = new { id_card = Secret } } } }, Json.Options);

        var answers = new List<JsonObject>();
        foreach (var _ in new[] { "first", "retry" })
        {
            var request = client.Sign(HttpMethod.Post, "/api/v3/create-users-batch", body);
            request.Headers.Add("Idempotency-Key", "key-1");
            answers.Add(await Envelopes.ReadAsync(await client.Http.SendAsync(request)));
        }

        Assert.DoesNotContain(Secret, Assert.Single(await api.SqlAsync("SELECT response_json FROM idempotency_keys"))!);
        Assert.Equal(Secret, (string)answers[1]["data"]![0]!["customData"]!["id_card"]!);
        Assert.Equal(answers[0].ToJsonString(), answers[1].ToJsonString());
    }

    [Fact]
    public async Task ListUsers_FilteringOrSortingOnAnEncryptedField_Is400()
    {
        using var client = api.CreateSignedClient();
        await client.DefineOkAsync("id_card", encrypted: true);
        await client.CreateUserAsync(new { username = "a", customData = new { id_card = Secret } });

        var filtered = await client.PostEnvelopeAsync("/api/v3/list-users",
            new { advancedFilter = new[] { new { field = "id_card", @operator = "EQUAL", value = Secret } } });
        var sorted = await client.PostEnvelopeAsync("/api/v3/list-users",
            new { options = new { sort = new[] { new { field = "id_card", order = "Asc" } } } });
        var searched = await client.PostEnvelopeAsync("/api/v3/list-users",
            new { keywords = Secret, options = new { fuzzySearchOn = new[] { "id_card" } } });

        // Custom fields are not filterable, sortable or searchable at all; an encrypted one never could be (ciphertext).
        Assert.All(new[] { filtered, sorted, searched }, e => Assert.Equal(400, (int)e["statusCode"]!));
        Assert.Equal("不支持按字段 id_card 筛选", (string)filtered["message"]!);
        Assert.Equal("不支持按字段 id_card 排序", (string)sorted["message"]!);
        Assert.StartsWith("参数 fuzzySearchOn 只能是", (string)searched["message"]!);
    }
}
