using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace UserPool.Api.Security.Signing;

/// <summary>
/// The Node SDK string-to-sign rebuilt from a received request, kept as UTF-8 bytes because that is
/// what HMAC consumes: a ~1 MB body is copied once and never transcoded to UTF-16 on the hot path.
/// </summary>
public sealed class StringToSign
{
    internal StringToSign(byte[] utf8, byte[]? bareQuestionMarkVariantUtf8)
    {
        Utf8 = utf8;
        // An if, not an assignment or ?: — null converts implicitly (via byte[]) to an empty, non-null memory.
        if (bareQuestionMarkVariantUtf8 is not null)
        {
            BareQuestionMarkVariantUtf8 = bareQuestionMarkVariantUtf8;
        }
    }

    /// <summary>The string to sign as the SDK builds it for the received wire data.</summary>
    public ReadOnlyMemory<byte> Utf8 { get; }

    /// <summary>
    /// Set only when the resource has no pairs: the same string ending in <c>path?</c>. The SDK emits that form
    /// when every payload key was <c>undefined</c> (axios then drops them from the wire), so a verifier accepts either.
    /// </summary>
    public ReadOnlyMemory<byte>? BareQuestionMarkVariantUtf8 { get; }

    /// <summary>Every form a genuine signature may have been computed over, primary first.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> Candidates
    {
        get
        {
            yield return Utf8;
            if (BareQuestionMarkVariantUtf8 is { } variant)
            {
                yield return variant;
            }
        }
    }

    /// <summary>Decodes the primary form; meant for logs and tests, not for verification.</summary>
    public string Text => Encoding.UTF8.GetString(Utf8.Span);

    public override string ToString() => Text;
}

/// <summary>Why a request could not be turned into a string to sign; the caller answers 400 or 401.</summary>
public enum CanonicalizationFailure
{
    None = 0,
    /// <summary>The body is valid JSON but not an object (array, string, number, …).</summary>
    BodyNotJsonObject,
    /// <summary>The body is not well-formed UTF-8 JSON, or has content after the top-level object.</summary>
    MalformedJsonBody,
    /// <summary>The body object repeats a top-level key; the SDK never does, and JSON.parse would silently keep the last.</summary>
    DuplicateBodyKey,
    /// <summary>A query parameter name repeats without the <c>[]</c> array suffix, or mixes both forms.</summary>
    DuplicateQueryParameter,
    /// <summary><c>date</c> or an <c>x-authing-*</c> header arrives more than once.</summary>
    DuplicateSignedHeader,
}

public sealed record CanonicalizationResult
{
    private CanonicalizationResult(StringToSign? value, CanonicalizationFailure failure)
    {
        Value = value;
        Failure = failure;
    }

    public StringToSign? Value { get; }

    public CanonicalizationFailure Failure { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Value is not null;

    internal static CanonicalizationResult Success(StringToSign value) => new(value, CanonicalizationFailure.None);

    internal static CanonicalizationResult Fail(CanonicalizationFailure failure) => new(null, failure);
}
