using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace UserPool.Api.Infrastructure;

public static class JsonDefaults
{
    /// <summary>
    /// camelCase like the contract; non-ASCII written as is (Authing and JSON.stringify do the same);
    /// property names matched exactly, so a misspelt field is never half-matched. The create-accounts request objects
    /// also take their fields' snake_case spellings and refuse unknown keys (<see cref="JsonFieldRules"/>).
    /// </summary>
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions());

    public static JsonSerializerOptions Configure(
        JsonSerializerOptions options, UnknownFieldHandling unknownFields = UnknownFieldHandling.Refuse)
    {
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
            .WithAddedModifier(JsonFieldRules.Modifier(unknownFields));
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
