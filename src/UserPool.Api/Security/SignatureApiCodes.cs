namespace UserPool.Api.Security;

/// <summary>
/// The apiCode values Authing documents for request-signature failures (docs/contract.md §2a, "Freshness and replay").
/// They go in the response envelope's <c>apiCode</c> so SDK callers see the codes the real service uses.
/// </summary>
public static class SignatureApiCodes
{
    public const int InvalidSignature = 1300;
    public const int SignatureMethodMismatch = 1301;
    public const int SignatureVersionMismatch = 1302;
    public const int InvalidTimestampFormat = 1303;
    public const int MissingDateHeader = 1304;
    public const int ClockSkewTooLarge = 1305;
    public const int SignatureAlreadyUsed = 1306;
}
