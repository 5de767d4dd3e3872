namespace UserPool.Api.Data.Entities;

/// <summary>
/// A notification written in the same transaction as the accounts it announces, delivered later by the dispatcher.
/// </summary>
public sealed class OutboxMessage
{
    public required string UserPoolId { get; init; }
    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public required string Channel { get; init; }
    public required string Template { get; init; }
    public required string Lang { get; init; }
    public required string Recipient { get; init; }
    public string? PhoneCountryCode { get; init; }
    public string? AppId { get; init; }
    /// <summary>A generated password, protected at rest and erased once the message is sent or dead.</summary>
    public string? ProtectedPassword { get; set; }
    public required string Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime? SentAt { get; set; }
}
