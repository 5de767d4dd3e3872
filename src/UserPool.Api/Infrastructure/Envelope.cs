using System.Text.Json.Serialization;

namespace UserPool.Api.Infrastructure;

/// <summary>The contract's answer shape: {statusCode, message, apiCode?, requestId?, data}.</summary>
public sealed record Envelope<T>(int StatusCode, string Message, T Data)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ApiCode { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RequestId { get; init; }
}

/// <summary>A failed answer; <see cref="Errors"/> lists every failing item of a batch.</summary>
public sealed record ErrorEnvelope(
    int StatusCode,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ApiCode,
    string RequestId)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ItemError>? Errors { get; init; }

    public object? Data => null;
}

public static class Envelope
{
    public const string SuccessMessage = "";

    public static Envelope<T> Success<T>(T data) => new(200, SuccessMessage, data);
}
