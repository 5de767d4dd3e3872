using System.Text;

namespace UserPool.Api.Security.Signing;

/// <summary>
/// Rebuilds, from wire data alone, the string the Node SDK (3.x/4.x) signed with HMAC-SHA1 (docs/contract.md §2a):
/// <c>METHOD\n</c> + sorted <c>date</c>/<c>x-authing-*</c> header lines + <c>path</c>, then <c>?k=v&amp;…</c>
/// with the payload keys sorted ordinally. The payload is the query for GET and the JSON body otherwise.
/// Never throws on hostile input: malformed requests come back as a <see cref="CanonicalizationFailure"/>.
/// </summary>
public static class SignedRequestCanonicalizer
{
    /// <param name="method">The request method as received, e.g. <c>POST</c>.</param>
    /// <param name="headers">Every received header, one pair per name; names are matched case-insensitively.</param>
    /// <param name="path">The requested path without host or query, e.g. <c>/api/v3/get-user</c>.</param>
    /// <param name="rawQuery">The raw (still percent-encoded) query, with or without the leading <c>?</c>; ignored unless GET.</param>
    /// <param name="body">The raw request body bytes; ignored for GET.</param>
    public static CanonicalizationResult Canonicalize(
        string method,
        IEnumerable<KeyValuePair<string, string>> headers,
        string path,
        string? rawQuery,
        ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(path);

        var prefix = new StringBuilder().Append(method).Append('\n');
        if (!CanonicalHeaders.TryAppend(prefix, headers))
        {
            return CanonicalizationResult.Fail(CanonicalizationFailure.DuplicateSignedHeader);
        }

        prefix.Append(path);

        var pairs = new List<ResourcePair>();
        var failure = string.Equals(method, "GET", StringComparison.Ordinal)
            ? QueryStringResource.TryCollect(path, rawQuery, pairs)
            : JsonBodyResource.TryCollect(body, pairs);
        if (failure != CanonicalizationFailure.None)
        {
            return CanonicalizationResult.Fail(failure);
        }

        pairs.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        for (var i = 1; i < pairs.Count; i++)
        {
            if (pairs[i].Key == pairs[i - 1].Key)
            {
                return CanonicalizationResult.Fail(CanonicalizationFailure.DuplicateBodyKey);
            }
        }

        return CanonicalizationResult.Success(Assemble(prefix.ToString(), pairs));
    }

    private static StringToSign Assemble(string prefix, List<ResourcePair> pairs)
    {
        var prefixUtf8 = Encoding.UTF8.GetBytes(prefix);
        if (pairs.Count == 0)
        {
            return new StringToSign(prefixUtf8, [.. prefixUtf8, (byte)'?']);
        }

        var keys = pairs.ConvertAll(pair => Encoding.UTF8.GetBytes(pair.Key));
        var length = prefixUtf8.Length;
        for (var i = 0; i < pairs.Count; i++)
        {
            // '?' or '&', then key, '=', value.
            length = checked(length + 1 + keys[i].Length + 1 + pairs[i].Utf8Value.Length);
        }

        var output = new byte[length];
        prefixUtf8.CopyTo(output, 0);
        var position = prefixUtf8.Length;
        for (var i = 0; i < pairs.Count; i++)
        {
            output[position++] = i == 0 ? (byte)'?' : (byte)'&';
            keys[i].CopyTo(output, position);
            position += keys[i].Length;
            output[position++] = (byte)'=';
            pairs[i].Utf8Value.Span.CopyTo(output.AsSpan(position));
            position += pairs[i].Utf8Value.Length;
        }

        return new StringToSign(output, bareQuestionMarkVariantUtf8: null);
    }
}
