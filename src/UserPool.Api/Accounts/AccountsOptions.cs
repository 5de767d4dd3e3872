using System.ComponentModel.DataAnnotations;

namespace UserPool.Api.Accounts;

/// <summary>Settings of account creation (section "Accounts").</summary>
public sealed class AccountsOptions
{
    public const string Section = "Accounts";

    /// <summary>Items per batch; Authing allows 50. Migrations may raise it (raise Api:MaxRequestBodyBytes with it).</summary>
    [Range(1, 5000)]
    public int MaxBatchSize { get; set; } = 50;

    /// <summary>The photo of an account created without one (the Node SDK's tests expect a photo).</summary>
    [Url]
    public string DefaultPhotoUrl { get; set; } = "https://files.authing.co/authing-console/default-user-avatar.png";
}
