using System.Text.Json;

namespace UserPool.Api.Tests.Passwords.KeptHashes;

/// <summary>
/// Valid kept hashes of every format, made by real tools (argon2 CLI, openssl passwd, crypt(3), python hashlib) by
/// TestData/make-kept-hash-samples.py, with the password each was made from.
/// </summary>
public sealed record KeptHashSample(string Algorithm, string Value, string Password, string Tool)
{
    public static IReadOnlyList<KeptHashSample> All { get; } = JsonSerializer.Deserialize<List<KeptHashSample>>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Passwords", "TestData", "kept-hash-samples.json")),
        new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    public static TheoryData<string, string, string> Theory()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var sample in All)
        {
            data.Add(sample.Algorithm, sample.Value, sample.Password);
        }

        return data;
    }
}
