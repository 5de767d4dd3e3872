using Microsoft.EntityFrameworkCore;
using UserPool.Api.Tests.Infrastructure;
using UserPool.Api.Tests.Passwords.KeptHashes;

namespace UserPool.Api.Tests.Accounts;

/// <summary>keepPassword through the kept-hash registry (issue 14, point 4).</summary>
[Collection(AccountsCollection.Name)]
public sealed class KeepPasswordFormatTests(UserPoolApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("$2b$", "bcrypt")]
    [InlineData("$2b$31$abcdefghijklmnopqrstuujDrcuJzEtYTnya86FjJ0RFLNsYk021m", "bcrypt")]
    [InlineData("$2a$10$tooshort", "bcrypt")]
    [InlineData("$argon2id$v=19$m=4294967295,t=3,p=4$c2FsdHNhbHQ$YWJjZGVmZ2hpamtsbW5vcA", "argon2id")]
    [InlineData("$scrypt$ln=30,r=8,p=1$AAECAwQFBgcICQoLDA0ODw$z7mRClHyb9PAmEMVkKGDxnk8aWYgAJOD9IwiOc51S/w", "scrypt")]
    [InlineData("$P$Zabcdefghz4bu84GopUnXh37kjRLZ7/", "phpass")]
    [InlineData("{SSHA}!!", "LDAP {SSHA}")]
    public async Task KeepPassword_ValueClaimingAFormatThatDoesNotParse_IsRefusedNamingFieldAndFormat_AndNothingIsWritten(string hash, string format)
    {
        using var client = api.CreateSignedClient();
        client.Lang = "en-US";

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new
        {
            list = new[] { new { username = "fine", password = "$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy" }, new { username = "bad", password = hash } },
            options = new { keepPassword = true },
        });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        var error = Assert.Single(envelope["errors"]!.AsArray())!;
        Assert.Equal("list[1].password", (string)error["field"]!);
        Assert.Equal("invalid_format", (string)error["code"]!);
        Assert.StartsWith($"Parameter password is not a valid {format} hash: ", (string)error["message"]!);
        if (hash.Length > "$2b$".Length)
        {
            Assert.DoesNotContain(hash, envelope.ToJsonString());
        }

        await using var db = api.CreateDbContext();
        Assert.Equal(0, await db.Accounts.CountAsync());
    }

    [Fact]
    public async Task KeepPassword_BcryptOfCost31_IsAnsweredAsTheOpenApiDocumentShowsIt()
    {
        using var client = api.CreateSignedClient();
        client.Lang = "en-US";
        var documented = System.Text.Json.Nodes.JsonNode.Parse(UserPool.Api.OpenApi.FailureExamples.KeptHashRefused)!;

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new
        {
            list = new[] { new { username = "bad", password = "$2b$31$abcdefghijklmnopqrstuujDrcuJzEtYTnya86FjJ0RFLNsYk021m" } },
            options = new { keepPassword = true },
        });

        Assert.Equal((string)documented["message"]!, (string)envelope["message"]!);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(documented["errors"], envelope["errors"]), envelope["errors"]!.ToJsonString());
    }

    [Fact]
    public async Task KeepPassword_ValueClaimingAFormatThatDoesNotParse_IsRefusedByDryRunToo()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new
        {
            list = new[] { new { username = "bad", password = "$2b$" } },
            options = new { keepPassword = true, dryRun = true },
        });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal("list[0].password", (string)envelope["errors"]![0]!["field"]!);
    }

    [Fact]
    public async Task KeepPassword_EveryFormatOfTheRegistry_IsStoredVerbatimWithItsAlgorithm()
    {
        using var client = api.CreateSignedClient();
        var samples = KeptHashSample.All;

        // A batch holds at most 50 items.
        foreach (var chunk in samples.Select((s, i) => new { username = $"k{i}", password = s.Value }).Chunk(40))
        {
            var envelope = await client.PostEnvelopeAsync("/api/v3/create-users-batch", new { list = chunk, options = new { keepPassword = true } });
            Assert.Equal(200, (int)envelope["statusCode"]!);
        }

        await using var db = api.CreateDbContext();
        var stored = await db.Accounts.ToDictionaryAsync(a => a.Username!, a => (a.PasswordHash, a.PasswordAlgorithm));
        for (var i = 0; i < samples.Count; i++)
        {
            Assert.Equal((samples[i].Value, samples[i].Algorithm), stored[$"k{i}"]);
        }
    }

    [Fact]
    public async Task KeepPassword_ScryptAndPhpass_AreRecordedAsSuch_NotUnknown()
    {
        using var client = api.CreateSignedClient();

        var envelope = await client.PostEnvelopeAsync("/api/v3/create-public-accounts-batch", new
        {
            list = new[]
            {
                new { username = "s", password = KeptHashSample.All.First(s => s.Algorithm == "scrypt").Value },
                new { username = "p", password = KeptHashSample.All.First(s => s.Algorithm == "phpass").Value },
            },
            options = new { keepPassword = true },
        });

        Assert.Equal(200, (int)envelope["statusCode"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal(["phpass", "scrypt"], await db.Accounts.OrderBy(a => a.Username).Select(a => a.PasswordAlgorithm).ToListAsync());
    }
}
