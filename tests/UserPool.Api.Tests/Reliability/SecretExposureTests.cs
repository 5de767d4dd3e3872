using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using UserPool.Api.Notifications;
using UserPool.Api.Security;
using UserPool.Api.Tests.Infrastructure;
using UserPool.Api.Tests.Notifications;
using UserPool.Api.Tests.Passwords;
using UserPool.Api.Tests.Security;
using Xunit.Abstractions;

namespace UserPool.Api.Tests.Reliability;

/// <summary>
/// The notifications server (fake SMTP and SMS gateway) with every log line captured, scopes included, and the
/// dispatcher started by the test once the generated passwords have been read back from the outbox.
/// </summary>
public sealed class SecretAuditApiFactory : NotificationsApiFactory
{
    public CapturedLogs AllLogs { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Notifications:DispatcherEnabled"] = "false",
    };

    public async Task<RunningDispatcher> StartDispatcherAsync()
    {
        var dispatcher = ActivatorUtilities.CreateInstance<NotificationDispatcher>(Services);
        await dispatcher.StartAsync(CancellationToken.None);
        return new RunningDispatcher(dispatcher);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(AllLogs).AddFilter<CapturedLogs>(null, LogLevel.Trace));
    }
}

/// <summary>
/// A full run over every endpoint, by every credential form, succeeding and failing, with every kind of secret in
/// play: plaintext passwords, generated passwords (read back from the outbox with SecretProtector), the stored
/// BCrypt hashes and imported hashes, access-key secrets, management tokens, RSA and SM2 ciphertexts, OTP secrets
/// and identity-provider tokens. None of them appears in any log line, nor in any answer — except the token in the
/// token endpoint's own answer.
/// </summary>
public sealed class SecretExposureTests(SecretAuditApiFactory api, ITestOutputHelper output) : IClassFixture<SecretAuditApiFactory>, IAsyncLifetime
{
    private const string TokenPath = "/api/v3/get-management-token";
    private readonly List<(string Path, string Text)> _answers = [];
    private readonly Dictionary<string, string> _secrets = new(StringComparer.Ordinal);
    private readonly List<string> _tokens = [];
    private HttpClient _http = null!;
    private SignedClient _signed = null!;

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        _http = api.CreateClient();
        _signed = api.CreateSignedClient();
    }

    public Task DisposeAsync()
    {
        _http.Dispose();
        _signed.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task No_log_line_or_answer_of_a_full_run_holds_a_password_hash_secret_token_ciphertext_or_OTP_secret()
    {
        var other = await api.CreateOtherPoolAsync("audit other");
        Secret("access key secret", UserPoolApiFactory.AccessKeySecret);
        Secret("other pool's access key secret", other.AccessKeySecret);
        foreach (var (id, secret) in new[] { (UserPoolApiFactory.AccessKeyId, UserPoolApiFactory.AccessKeySecret), (other.AccessKeyId, other.AccessKeySecret) })
        {
            var derived = ForeignTokens.KeyFor(secret, id).Key;
            Secret("derived token-signing key (base64)", Convert.ToBase64String(derived));
            Secret("derived token-signing key (base64url)", Base64UrlEncoder.Encode(derived));
            Secret("derived token-signing key (hex)", Convert.ToHexString(derived));
        }

        // Tokens by every SDK form; the wrong secret and an unknown key are refused.
        var python = await LoginAsync(TokenSdk.Python, UserPoolApiFactory.AccessKeyId, UserPoolApiFactory.AccessKeySecret);
        var java = await LoginAsync(TokenSdk.Java, UserPoolApiFactory.AccessKeyId, UserPoolApiFactory.AccessKeySecret);
        var go = await LoginAsync(TokenSdk.Go, other.AccessKeyId, other.AccessKeySecret);
        await RecordAsync(TokenPath, await _http.PostAsync(TokenPath, Json(new JsonObject
        {
            ["accessKeyId"] = UserPoolApiFactory.AccessKeyId, ["accessKeySecret"] = UserPoolApiFactory.AccessKeySecret + "x",
        })));
        await RecordAsync(TokenPath, await _http.PostAsync(TokenPath, Json(new JsonObject
        {
            ["accessKeyId"] = UserPoolApiFactory.AccessKeySecret, ["accessKeySecret"] = UserPoolApiFactory.AccessKeySecret,
        })));

        // What accounts refer to.
        await SignedAsync("/api/v3/set-custom-fields", new { list = new[] { new { targetType = "USER", key = "school", dataType = "STRING" } } });
        var tenantId = (string)(await SignedAsync("/api/v3/create-tenant", new { name = "Audit" }))["data"]!["tenantId"]!;
        var root = (string)(await SignedAsync("/api/v3/create-organization", new { organizationName = "Audit", organizationCode = "audit" }))["data"]!["departmentId"]!;
        var departmentId = (string)(await SignedAsync("/api/v3/create-department",
            new { organizationCode = "audit", name = "Dept", parentDepartmentId = root }))["data"]!["departmentId"]!;

        // Plaintext passwords, OTP secrets and provider tokens, signed.
        var plaintext = await SignedAsync("/api/v3/create-users-batch", new
        {
            list = Enumerable.Range(0, 3).Select(i => new
            {
                username = $"plain{i}", email = $"plain{i}@example.com", password = Secret("plaintext password", $"Pl4in-{i}-{Guid.NewGuid():N}"),
                otp = new { secret = Secret("OTP secret", "JBSWY3DP" + RandomBase32(24)), recoveryCode = Secret("OTP recovery code", $"rc-{Guid.NewGuid():N}") },
                identities = new[]
                {
                    new
                    {
                        extIdpId = "idp", provider = "github", type = "generic", userIdInIdp = $"gh{i}",
                        accessToken = Secret("identity provider access token", $"gho_{Guid.NewGuid():N}"),
                        refreshToken = Secret("identity provider refresh token", $"ghr_{Guid.NewGuid():N}"),
                    },
                },
                departmentIds = new[] { departmentId }, tenantIds = new[] { tenantId }, customData = new { school = "MIT" },
            }),
        });
        Assert.Equal(200, (int)plaintext["statusCode"]!);

        // Imported hashes kept as they are.
        await SignedAsync("/api/v3/create-users-batch", new
        {
            list = new[] { new { username = "imported", password = Secret("imported password hash", BCrypt.Net.BCrypt.HashPassword("imported-" + Guid.NewGuid(), 4)) } },
            options = new { keepPassword = true },
        });

        // Generated passwords, announced by e-mail and SMS (written to the outbox, protected).
        await SignedAsync("/api/v3/create-users-batch", new
        {
            list = new[] { new { username = "gen0", email = "gen0@example.com", phone = "13700000001" }, new { username = "gen1", email = "gen1@example.com", phone = "13700000002" } },
            options = new { autoGeneratePassword = true, sendNotification = new { sendEmailNotification = true, sendPhoneNotification = true } },
        });

        // RSA and SM2 transport encryption, by token SDKs.
        var system = await GetAsync(_http, "/api/v3/system");
        var rsa = (string)system["rsa"]!["publicKey"]!;
        var sm2 = (string)system["sm2"]!["publicKey"]!;
        await TokenAsync(python, HttpMethod.Post, "/api/v3/create-user", new JsonObject
        {
            ["username"] = "rsa", ["password"] = Secret("RSA ciphertext", AuthingClientImitation.RsaEncryptLikeNode(rsa, Secret("plaintext password", $"Rsa-{Guid.NewGuid():N}"))),
            ["options"] = new JsonObject { ["passwordEncryptType"] = "rsa" },
        });
        await TokenAsync(java, HttpMethod.Post, "/api/v3/create-public-accounts-batch", new JsonObject
        {
            ["list"] = new JsonArray(
                new JsonObject { ["username"] = "sm2", ["password"] = Secret("SM2 ciphertext", AuthingClientImitation.Sm2EncryptLikeSmCrypto(sm2, Secret("plaintext password", $"Sm2-{Guid.NewGuid():N}"))) },
                new JsonObject { ["username"] = "pagen", ["email"] = "pagen@example.com", ["options"] = new JsonObject { ["autoGeneratePassword"] = true } }),
            ["options"] = new JsonObject
            {
                ["passwordEncryptType"] = "sm2", ["sendNotification"] = new JsonObject { ["sendEmailNotification"] = true },
            },
        });

        // A public account with an Idempotency-Key, and its replay.
        var idempotent = new JsonObject { ["username"] = "idem", ["password"] = Secret("plaintext password", $"Idem-{Guid.NewGuid():N}") };
        for (var i = 0; i < 2; i++)
        {
            using var request = _signed.Sign(HttpMethod.Post, "/api/v3/create-public-account", idempotent.ToJsonString());
            request.Headers.Add("Idempotency-Key", "audit-key");
            await RecordAsync("/api/v3/create-public-account", await _http.SendAsync(request));
        }

        // Failures carrying secrets: a conflict, an invalid item, a password too long, undecryptable ciphertexts,
        // a broken body, a dry run, and a request signed with the wrong secret.
        await SignedAsync("/api/v3/create-users-batch", new { list = new[] { new { username = "plain0", password = Secret("plaintext password", $"Conflict-{Guid.NewGuid():N}") } } });
        await SignedAsync("/api/v3/create-public-accounts-batch", new { list = new[] { new { email = "not-an-email", password = Secret("plaintext password", $"Invalid-{Guid.NewGuid():N}") } } });
        await SignedAsync("/api/v3/create-user", new { username = "long", password = Secret("plaintext password", "TooLong-" + new string('x', 80) + Guid.NewGuid().ToString("N")) });
        await SignedAsync("/api/v3/create-user", new { username = "badrsa", password = Secret("RSA ciphertext", Convert.ToBase64String(new byte[128])), options = new { passwordEncryptType = "rsa" } });
        await SignedAsync("/api/v3/create-user", new { username = "badsm2", password = Secret("SM2 ciphertext", "04" + Convert.ToHexString(new byte[120])), options = new { passwordEncryptType = "sm2" } });
        await SignedAsync("/api/v3/create-users-batch", new { list = new[] { new { username = "dry", password = Secret("plaintext password", $"Dry-{Guid.NewGuid():N}") } }, options = new { dryRun = true } });
        using (var broken = python.Build(HttpMethod.Post, "/api/v3/create-users-batch"))
        {
            broken.Content = new StringContent($"{{\"list\":[{{\"username\":\"broken\",\"password\":\"{Secret("plaintext password", $"Broken-{Guid.NewGuid():N}")}\"", Encoding.UTF8, "application/json");
            await RecordAsync("/api/v3/create-users-batch", await _http.SendAsync(broken));
        }

        using (var wrong = new SignedClient(api.CreateClient(), UserPoolApiFactory.AccessKeyId, "not-the-secret"))
        {
            await RecordAsync("/api/v3/create-user", await wrong.PostAsync("/api/v3/create-user", new { username = "x", password = Secret("plaintext password", $"Wrong-{Guid.NewGuid():N}") }));
        }

        // Every read, by every credential form.
        await using (var db = api.CreateDbContext())
        {
            foreach (var account in await db.Accounts.AsNoTracking().ToListAsync())
            {
                var kind = account.Kind == Data.Entities.AccountKind.User ? "get-user" : "get-public-account";
                var query = $"/api/v3/{kind}?userId={account.Id}&withCustomData=true&withIdentities=true&withDepartmentIds=true&withPost=true&flatCustomData=true";
                await RecordAsync(kind, await _signed.GetAsync(query));
                await TokenAsync(java, HttpMethod.Get, query);
            }
        }

        var listOptions = new JsonObject
        {
            ["options"] = new JsonObject { ["withCustomData"] = true, ["withIdentities"] = true, ["withDepartmentIds"] = true, ["withPost"] = true, ["pagination"] = new JsonObject { ["limit"] = 50 } },
        };
        await SignedAsync("/api/v3/list-users", listOptions);
        await TokenAsync(python, HttpMethod.Post, "/api/v3/list-public-accounts", (JsonObject)listOptions.DeepClone());
        await RecordAsync("list-users", await _signed.GetAsync("/api/v3/list-users?page=1&limit=50&withCustomData=true&withIdentities=true&withDepartmentIds=true"));
        await RecordAsync("get-public-account-batch", await _signed.GetAsync("/api/v3/get-public-account-batch?userIds=x&userIds=y"));
        await TokenAsync(go, HttpMethod.Get, "/api/v3/get-custom-fields?targetType=USER");
        await RecordAsync("health", await _http.GetAsync(NotificationsRegistration.StatusPath));

        // The generated passwords, read back from the outbox before the dispatcher erases them; then delivered.
        var protector = api.Services.GetRequiredService<SecretProtector>();
        await using (var db = api.CreateDbContext())
        {
            var generated = await db.NotificationOutbox.AsNoTracking().Where(m => m.ProtectedPassword != null).ToListAsync();
            Assert.Equal(5, generated.Count); // gen0, gen1 by e-mail and SMS; pagen by e-mail
            foreach (var message in generated)
            {
                Secret("generated password", protector.Unprotect(message.ProtectedPassword!));
            }
        }

        await using (var dispatcher = await api.StartDispatcherAsync())
        {
            await Eventually.UntilAsync(async () => await api.CountAsync(OutboxNames.Pending) == 0, "every notification to be delivered");
        }

        Assert.Contains(api.Smtp.Mails, mail => _secrets.Any(s => s.Value == "generated password" && mail.Message.TextBody?.Contains(s.Key, StringComparison.Ordinal) == true));

        await using (var db = api.CreateDbContext())
        {
            foreach (var hash in await db.Accounts.AsNoTracking().Where(a => a.PasswordHash != null).Select(a => a.PasswordHash!).ToListAsync())
            {
                Secret("stored password hash", hash);
            }
        }

        foreach (var token in _tokens)
        {
            Secret("management token", token);
            Secret("management token signature", token.Split('.')[2]);
        }

        // The search finds what is there: the token endpoint does answer the tokens.
        Assert.All(_tokens, token => Assert.Contains(_answers, a => a.Path == TokenPath && a.Text.Contains(token, StringComparison.Ordinal)));
        var logs = api.AllLogs.Lines.ToList();
        Assert.Contains(logs, line => line.Contains("AuthingAuthenticationHandler", StringComparison.Ordinal));
        Assert.Contains(logs, line => line.Contains("Notification", StringComparison.Ordinal));
        var found = new List<string>();
        foreach (var (secret, what) in _secrets)
        {
            var isToken = what.StartsWith("management token", StringComparison.Ordinal);
            foreach (var (path, text) in _answers.Where(a => !(isToken && a.Path == TokenPath)))
            {
                if (text.Contains(secret, StringComparison.OrdinalIgnoreCase))
                {
                    found.Add($"{what} in the answer of {path}: {text}");
                }
            }

            found.AddRange(logs.Where(line => line.Contains(secret, StringComparison.OrdinalIgnoreCase)).Select(line => $"{what} in a log line: {line}"));
        }

        output.WriteLine($"secrets audit: {_answers.Count} answers and {logs.Count} log lines searched for {_secrets.Count} secrets " +
            $"({string.Join(", ", _secrets.Values.GroupBy(v => v).Select(g => $"{g.Count()} {g.Key}"))}); found {found.Count}");
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    private string Secret(string what, string value)
    {
        _secrets.TryAdd(value, what);
        return value;
    }

    private static string RandomBase32(int length) =>
        System.Security.Cryptography.RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", length);

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private async Task<TokenSdkClient> LoginAsync(TokenSdk sdk, string id, string secret)
    {
        var client = new TokenSdkClient(api.CreateClient(), sdk, id, secret);
        var envelope = await client.LoginAsync();
        _answers.Add((TokenPath, envelope.ToJsonString()));
        _tokens.Add(client.Token!);
        return client;
    }

    /// <summary>Keeps the answer's headers and body; returns the body.</summary>
    private async Task<string> RecordAsync(string path, HttpResponseMessage response)
    {
        var headers = string.Join("\n", response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(",", h.Value)}"));
        var body = await response.Content.ReadAsStringAsync();
        _answers.Add((path, headers + "\n" + body));
        return body;
    }

    private async Task<JsonObject> SignedAsync(string path, object body) =>
        JsonNode.Parse(await RecordAsync(path, await _signed.PostAsync(path, body)))!.AsObject();

    private async Task TokenAsync(TokenSdkClient client, HttpMethod method, string path, JsonObject? body = null)
    {
        using var request = client.Build(method, path, body);
        await RecordAsync(path, await _http.SendAsync(request));
    }

    private async Task<JsonObject> GetAsync(HttpClient http, string path) =>
        JsonNode.Parse(await RecordAsync(path, await http.GetAsync(path)))!.AsObject();
}
