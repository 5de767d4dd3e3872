namespace UserPool.Api.Security.Signing;

public enum AuthorizationHeaderFailure
{
    None = 0,
    /// <summary>No <c>Authorization</c> header, or only whitespace.</summary>
    Missing,
    /// <summary>Some other form (<c>Bearer …</c> or a bare token): the caller should try the management-token path.</summary>
    NotAuthingScheme,
    /// <summary>Scheme <c>authing</c> but not <c>&lt;accessKeyId&gt;:&lt;signature&gt;</c>.</summary>
    Malformed,
}

public sealed record AuthingAuthorization(string AccessKeyId, string Signature);

public sealed record AuthorizationHeaderParseResult(AuthingAuthorization? Value, AuthorizationHeaderFailure Failure)
{
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Value is not null;
}

/// <summary>Parses the Node SDK header <c>Authorization: authing &lt;accessKeyId&gt;:&lt;signature&gt;</c>.</summary>
public static class AuthingAuthorizationHeader
{
    public const string Scheme = "authing";

    public static AuthorizationHeaderParseResult Parse(string? headerValue)
    {
        var value = headerValue?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            return Fail(AuthorizationHeaderFailure.Missing);
        }

        var space = value.IndexOfAny([' ', '\t']);
        var scheme = space < 0 ? value : value[..space];
        if (!scheme.Equals(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return Fail(AuthorizationHeaderFailure.NotAuthingScheme);
        }

        var credentials = space < 0 ? string.Empty : value[(space + 1)..].Trim();
        var colon = credentials.IndexOf(':');
        var wellFormed = colon > 0
            && colon < credentials.Length - 1
            && credentials.IndexOf(':', colon + 1) < 0
            && !credentials.Any(char.IsWhiteSpace);
        return wellFormed
            ? new(new AuthingAuthorization(credentials[..colon], credentials[(colon + 1)..]), AuthorizationHeaderFailure.None)
            : Fail(AuthorizationHeaderFailure.Malformed);
    }

    private static AuthorizationHeaderParseResult Fail(AuthorizationHeaderFailure failure) => new(null, failure);
}
