using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using UserPool.Api.Tests.CustomFields;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Security;

/// <summary>
/// Neither an access key secret nor a token-signing key derived from it appears in any answer or any log line,
/// whatever the caller does right or wrong. Logging is captured at every level for every category.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class SecretLeakTests(LogCapturingApiFactory api) : IClassFixture<LogCapturingApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Every spelling under which a secret could leak: as is, and the derived signing key in base64, base64url and hex.</summary>
    private static IEnumerable<string> Forms(string secret)
    {
        yield return secret;
        var derived = ForeignTokens.KeyFor(secret, "any").Key;
        yield return Convert.ToBase64String(derived);
        yield return Base64UrlEncoder.Encode(derived);
        yield return Convert.ToHexString(derived);
        yield return Convert.ToHexStringLower(derived);
        yield return Convert.ToBase64String(Encoding.UTF8.GetBytes(secret));
    }

    [Fact]
    public async Task No_answer_or_log_line_contains_a_secret_or_a_token_signing_key()
    {
        var other = await api.CreateOtherPoolAsync();
        var answers = new List<string>();
        using var http = api.CreateClient();

        async Task Record(HttpRequestMessage request)
        {
            using (request)
            {
                var response = await http.SendAsync(request);
                answers.Add(string.Join("\n", response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(",", h.Value)}")));
                answers.Add(await response.Content.ReadAsStringAsync());
            }
        }

        HttpRequestMessage TokenCall(string id, string secret) => new(HttpMethod.Post, "/api/v3/get-management-token")
        {
            Content = new StringContent(new JsonObject { ["accessKeyId"] = id, ["accessKeySecret"] = secret }.ToJsonString(), Encoding.UTF8, "application/json"),
        };

        foreach (var (id, secret) in new[] { (UserPoolApiFactory.AccessKeyId, UserPoolApiFactory.AccessKeySecret), (other.AccessKeyId, other.AccessKeySecret) })
        {
            // Right and wrong, in both schemes, including a secret pasted into the key id field or the Authorization header.
            await Record(TokenCall(id, secret));
            await Record(TokenCall(id, secret + "x"));
            await Record(TokenCall(secret, secret));
            await Record(CustomFieldCalls.Set("school").Sign(id, secret));
            await Record(CustomFieldCalls.Set("school").Sign(id, secret + "x"));
            await Record(CustomFieldCalls.GetUserFields().Sign(secret, secret));
            var malformed = new HttpRequestMessage(HttpMethod.Get, CustomFieldCalls.GetPath + "?targetType=USER");
            malformed.Headers.TryAddWithoutValidation("Authorization", $"authing {id}:{secret}");
            await Record(malformed);
            var secretAsToken = new HttpRequestMessage(HttpMethod.Get, CustomFieldCalls.GetPath + "?targetType=USER");
            secretAsToken.Headers.TryAddWithoutValidation("Authorization", "Bearer " + secret);
            await Record(secretAsToken);

            using var client = await api.LoggedInTokenClientAsync(TokenSdk.Java, id, secret);
            await Record(client.Build(HttpMethod.Post, CustomFieldCalls.SetPath, CustomFieldCalls.SetBody("from_java")));
            var badJson = client.Build(HttpMethod.Post, CustomFieldCalls.SetPath);
            badJson.Content = new StringContent("{\"list\":", Encoding.UTF8, "application/json");
            await Record(badJson);
            client.PoolId = "someone-else";
            await Record(client.Build(HttpMethod.Get, CustomFieldCalls.GetPath + "?targetType=USER"));
        }

        var logs = api.Logs.Lines.ToList();
        Assert.NotEmpty(logs);
        Assert.Contains(logs, line => line.Contains("AuthingAuthenticationHandler", StringComparison.Ordinal));
        foreach (var secret in new[] { UserPoolApiFactory.AccessKeySecret, other.AccessKeySecret })
        {
            foreach (var form in Forms(secret))
            {
                Assert.DoesNotContain(answers, answer => answer.Contains(form, StringComparison.OrdinalIgnoreCase));
                Assert.DoesNotContain(logs, line => line.Contains(form, StringComparison.OrdinalIgnoreCase));
            }
        }
    }
}
