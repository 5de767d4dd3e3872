using System.Text.Json;
using System.Text.Json.Serialization;

namespace UserPool.Api.Tests.Infrastructure;

public static class Json
{
    /// <summary>camelCase like the SDKs; nulls left out, as JSON.stringify leaves out undefined.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
