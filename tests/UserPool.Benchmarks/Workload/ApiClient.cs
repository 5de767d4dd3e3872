using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace UserPool.Benchmarks.Workload;

/// <summary>
/// Drives the API with a management token (get-management-token once, then Bearer + x-authing-userpool-id),
/// the cheapest of the contract's two schemes for a load driver. Every answer is checked for statusCode 200.
/// </summary>
public sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http;

    private ApiClient(HttpClient http) => _http = http;

    public static async Task<ApiClient> ConnectAsync(string url, string poolId, string accessKeyId, string accessKeySecret)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromMinutes(5),
        };
        var answer = await http.PostAsJsonAsync("/api/v3/get-management-token", new { accessKeyId, accessKeySecret });
        var envelope = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
        var token = (string?)envelope["data"]?["access_token"] ?? throw new InvalidOperationException("No management token: " + envelope.ToJsonString());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        http.DefaultRequestHeaders.Add("x-authing-userpool-id", poolId);
        return new ApiClient(http);
    }

    /// <summary>Posts a prepared JSON body; throws unless the envelope's statusCode is the expected one (200 unless told).</summary>
    public async Task PostAsync(string path, byte[] body, int expectedStatusCode = 200, CancellationToken ct = default)
    {
        var expected = Encoding.UTF8.GetBytes($"{{\"statusCode\":{expectedStatusCode},");
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync(path, content, ct);
        var answer = await response.Content.ReadAsByteArrayAsync(ct);
        if (!response.IsSuccessStatusCode || !answer.AsSpan().StartsWith(expected))
        {
            throw new InvalidOperationException($"{path} answered HTTP {(int)response.StatusCode}: {Encoding.UTF8.GetString(answer.AsSpan(0, Math.Min(answer.Length, 800)))}");
        }
    }

    public async Task PostJsonAsync(string path, object body) => await PostAsync(path, await JsonContent.Create(body).ReadAsByteArrayAsync());

    public void Dispose() => _http.Dispose();
}
