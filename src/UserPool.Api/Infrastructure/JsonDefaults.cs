using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace UserPool.Api.Infrastructure;

public static class JsonDefaults
{
    /// <summary>
    /// camelCase like the contract; non-ASCII written as is (Authing and JSON.stringify do the same);
    /// property names matched exactly, so a misspelt field is ignored rather than half-matched.
    /// </summary>
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions());

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.PropertyNameCaseInsensitive = false;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.AllowDuplicateProperties = false;
        options.MaxDepth = 32;
        options.Converters.Add(new TimestampConverter());
        options.Converters.Add(new ReadableJsonElementConverter());
        return options;
    }
}
