using System.Text;
using System.Text.Json;
using UserPool.Api.Security.Signing;

namespace UserPool.Api.Tests.Security;

/// <summary>The requests captured from authing-node-sdk 4.0.1 (shared/spec/signature-vectors.json).</summary>
internal sealed record SignatureVectorFile(string AccessKeyId, string AccessKeySecret, string Date, string Nonce, List<SignatureVector> Vectors);

internal sealed record SignatureVector(
    string Name,
    string Method,
    string PathAndQuery,
    Dictionary<string, string> Headers,
    string Body,
    string StringToSign,
    string ExpectedAuthorization)
{
    public string Path => PathAndQuery.Split('?', 2)[0];

    public string Query => PathAndQuery.Contains('?') ? PathAndQuery.Split('?', 2)[1] : string.Empty;

    public string AuthorizationHeader => Headers.Single(h => h.Key.Equals("authorization", StringComparison.OrdinalIgnoreCase)).Value;

    public CanonicalizationResult Canonicalize() =>
        SignedRequestCanonicalizer.Canonicalize(Method, Headers, Path, Query, Encoding.UTF8.GetBytes(Body));
}

internal static class SignatureVectors
{
    private static readonly Lazy<SignatureVectorFile> File = new(() =>
        JsonSerializer.Deserialize<SignatureVectorFile>(
            System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Security", "TestData", "signature-vectors.json")),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!);

    public static SignatureVectorFile All => File.Value;

    public static string Secret => All.AccessKeySecret;

    public static SignatureVector Named(string prefix) => All.Vectors.Single(v => v.Name.StartsWith(prefix + " ", StringComparison.Ordinal));

    /// <summary>Short ids ("V1".."V5") so each theory case is named after its vector.</summary>
    public static TheoryData<string> Ids() => new(All.Vectors.Select(v => v.Name.Split(' ')[0]));
}
