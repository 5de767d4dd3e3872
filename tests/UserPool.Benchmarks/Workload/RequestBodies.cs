using System.Buffers;
using System.Text.Json;

namespace UserPool.Benchmarks.Workload;

/// <summary>create-users-batch bodies, written once before a run so the clients only send bytes.</summary>
public static class RequestBodies
{
    /// <param name="unknownOption">Ends the options with a key the server does not know: refused (400) after the whole list is parsed.</param>
    public static byte[] CreateUsersBatch(IReadOnlyList<BenchUser> users, bool keepPassword, bool dryRun = false, bool unknownOption = false)
    {
        var buffer = new ArrayBufferWriter<byte>(users.Count * 1800);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("list");
            foreach (var user in users)
            {
                Item(json, user);
            }

            json.WriteEndArray();
            json.WriteStartObject("options");
            json.WriteBoolean("keepPassword", keepPassword);
            json.WriteString("departmentIdType", "department_id");
            if (dryRun)
            {
                json.WriteBoolean("dryRun", true);
            }

            if (unknownOption)
            {
                json.WriteBoolean("notAnOption", true);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Item(Utf8JsonWriter json, BenchUser user)
    {
        json.WriteStartObject();
        foreach (var (name, value) in Profile.Fields(user))
        {
            json.WriteString(name, value);
        }

        json.WriteBoolean("emailVerified", true);
        json.WriteBoolean("phoneVerified", true);
        json.WriteString("password", user.Password);
        json.WriteStartArray("departmentIds");
        json.WriteStringValue(user.DepartmentId1);
        json.WriteStringValue(user.DepartmentId2);
        json.WriteEndArray();
        json.WritePropertyName("customData");
        json.WriteRawValue(user.CustomDataJson);
        json.WriteStartArray("identities");
        json.WriteStartObject();
        json.WriteString("extIdpId", Profile.ExtIdpId);
        json.WriteString("provider", Profile.Provider);
        json.WriteString("type", Profile.IdentityType);
        json.WriteString("userIdInIdp", user.UserIdInIdp);
        json.WritePropertyName("userInfoInIdp");
        json.WriteRawValue(user.UserInfoInIdpJson);
        json.WriteStartArray("originConnIds");
        json.WriteStringValue(Profile.OriginConnId);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
