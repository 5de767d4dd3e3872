using System.Text;

namespace UserPool.Api.Security.Signing;

/// <summary>
/// Resource pairs of a GET request, rebuilt from the wire query. axios encodes a space as <c>+</c> and sends
/// an array param as repeated <c>key[]=v</c>; the SDK signed that array as <c>key=JSON.stringify([...])</c>.
/// Array items are taken as strings: the wire cannot tell <c>["1"]</c> from <c>[1]</c>, and the SDK only sends strings.
/// </summary>
internal static class QueryStringResource
{
    private const string ArraySuffix = "[]";

    /// <summary>
    /// Array parameters the Node SDK always signs, also when empty: it signs <c>userIds=[]</c>, but axios sends nothing
    /// for an empty array. Absent from the wire, such a parameter was signed empty (the SDK's getUserBatch test sends
    /// <c>userIds: []</c> and expects the endpoint's 400, not a refused signature).
    /// </summary>
    private static readonly Dictionary<string, string> AlwaysSignedArrays = new(StringComparer.Ordinal)
    {
        ["/api/v3/get-user-batch"] = "userIds",
        ["/api/v3/get-public-account-batch"] = "userIds",
    };

    public static CanonicalizationFailure TryCollect(string path, string? rawQuery, List<ResourcePair> pairs)
    {
        var scalars = new Dictionary<string, string>(StringComparer.Ordinal);
        var arrays = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var segment in (rawQuery ?? string.Empty).TrimStart('?').Split('&'))
        {
            if (segment.Length == 0)
            {
                continue;
            }

            var equals = segment.IndexOf('=');
            var name = Decode(equals < 0 ? segment : segment[..equals]);
            var value = equals < 0 ? string.Empty : Decode(segment[(equals + 1)..]);
            if (name.EndsWith(ArraySuffix, StringComparison.Ordinal))
            {
                var arrayName = name[..^ArraySuffix.Length];
                if (!arrays.TryGetValue(arrayName, out var items))
                {
                    arrays[arrayName] = items = [];
                }

                items.Add(value);
            }
            else if (!scalars.TryAdd(name, value))
            {
                return CanonicalizationFailure.DuplicateQueryParameter;
            }
        }

        foreach (var (name, value) in scalars)
        {
            if (arrays.ContainsKey(name))
            {
                return CanonicalizationFailure.DuplicateQueryParameter;
            }

            pairs.Add(new ResourcePair(name, Encoding.UTF8.GetBytes(value)));
        }

        if (AlwaysSignedArrays.TryGetValue(path, out var always) && !arrays.ContainsKey(always) && !scalars.ContainsKey(always))
        {
            arrays[always] = [];
        }

        foreach (var (name, items) in arrays)
        {
            pairs.Add(new ResourcePair(name, Encoding.UTF8.GetBytes(JsJsonString.StringifyArray(items))));
        }

        return CanonicalizationFailure.None;
    }

    // '+' first, so an encoded %2B still decodes to a literal plus.
    private static string Decode(string component) => Uri.UnescapeDataString(component.Replace('+', ' '));
}
