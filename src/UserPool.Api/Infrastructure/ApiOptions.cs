using System.ComponentModel.DataAnnotations;

namespace UserPool.Api.Infrastructure;

/// <summary>Settings of the HTTP surface (section "Api").</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Authing answers business errors with HTTP 200 and the code in the body; true mirrors it in the HTTP status.</summary>
    public bool MirrorStatusCodeInHttpStatus { get; set; }

    /// <summary>Largest request body accepted, in bytes.</summary>
    [Range(64 * 1024, 64 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    public bool SwaggerEnabled { get; set; } = true;

    /// <summary>
    /// A key of a create-accounts item, identity, otp, options or sendNotification that names no field: refused
    /// with a 400 (default), or ignored for clients of a newer API that send fields this server does not know.
    /// </summary>
    public UnknownFieldHandling UnknownFields { get; set; } = UnknownFieldHandling.Refuse;
}
