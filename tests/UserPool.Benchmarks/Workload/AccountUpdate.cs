using System.Buffers;
using System.Text.Json;
using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Accounts.Keys;

namespace UserPool.Benchmarks.Workload;

/// <summary>
/// Scenario 4's change to one stored account: new e-mail, phone, username, nickname, a few profile fields and two
/// custom-data fields, the new values taken from a fresh <see cref="BenchUser"/> so no unique key repeats in the run.
/// No password: the accounts hold kept hashes and an update's password is always a plaintext to hash (BCrypt would
/// measure the hashing pool, which scenario 2 does). The canonical keys are the server's own (KeyNormalizer), so the
/// baseline writes exactly the key columns the server writes.
/// </summary>
public sealed record AccountUpdate(string Id, BenchUser Values)
{
    public const string CountryCode = "+86";

    public string Nickname => "Zhang " + Values.Tag;
    public string City => Cities[Values.Level % Cities.Length];
    public string Company => "company-" + Values.Level;
    public string Profile => "https://example.com/u/" + Values.Tag;
    public string CustomDataJson => $$"""{"level":{{Values.Level}},"team":"{{BenchUser.Teams[(Values.Level + 1) % BenchUser.Teams.Length]}}"}""";

    public AccountKeys Keys { get; } = AccountKeys.Of(new CreateAccountItem
    {
        Email = Values.Email, Phone = Values.Phone, PhoneCountryCode = CountryCode, Username = Values.Username,
    });

    private static readonly string[] Cities = ["Beijing", "Shanghai", "Shenzhen", "Hangzhou"];

    /// <summary>An update-user-batch body for the batch, written once before a run so the clients only send bytes.</summary>
    public static byte[] Body(IReadOnlyList<AccountUpdate> updates)
    {
        var buffer = new ArrayBufferWriter<byte>(updates.Count * 400);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("list");
            foreach (var u in updates)
            {
                json.WriteStartObject();
                json.WriteString("userId", u.Id);
                json.WriteString("email", u.Values.Email);
                json.WriteString("phone", u.Values.Phone);
                json.WriteString("phoneCountryCode", CountryCode);
                json.WriteString("username", u.Values.Username);
                json.WriteString("nickname", u.Nickname);
                json.WriteString("city", u.City);
                json.WriteString("company", u.Company);
                json.WriteString("profile", u.Profile);
                json.WritePropertyName("customData");
                json.WriteRawValue(u.CustomDataJson);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
