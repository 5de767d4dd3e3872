using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace UserPool.Api.Tests.Reliability.Support;

/// <summary>What is wrong with a hostile request.</summary>
public enum Hostility
{
    WrongType,
    MissingField,
    ExtraField,
    HugeString,
    HugeArray,
    DeepNesting,
    InvalidUtf8,
    LoneSurrogate,
    ControlCharacters,
    Injection,
    NumberOutOfRange,
    DuplicateKey,
    WrongContentType,
    OddBody,
    OverLimit,
    OddQuery,
}

/// <summary>
/// One generated hostile request: an endpoint, how it authenticates, what is wrong with it, and the numbers that
/// pick where and how (a field, a value, a size). Building it from an endpoint's accepted template is
/// deterministic, so CsCheck can shrink a failure to a small case and print it.
/// </summary>
public sealed record HostileCase(int EndpointIndex, CallerAuth Auth, Hostility Kind, int Pick, int Variant, int Size, string Noise)
{
    public ApiEndpoint Endpoint => ApiCatalog.Endpoints[EndpointIndex % ApiCatalog.Endpoints.Length];
}

/// <summary>A built request and what a reader needs to reproduce it.</summary>
public sealed record BuiltRequest(HostileCase Case, RawRequest Request, string? ContentType)
{
    public override string ToString()
    {
        var body = Request.Body is null ? "(none)" : $"[{Request.Body.Length} bytes] {Preview(Request.Body)}";
        return $"{Case.Kind} on {Case.Endpoint} via {Case.Auth}: {Request.Method} {Shorten(Request.Target, 300)} " +
            $"content-type {ContentType ?? "(none)"} body {body}";
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length] + $"…(+{text.Length - length})";

    /// <summary>The first bytes, with anything unprintable as \xNN so a failure message shows exactly what was sent.</summary>
    private static string Preview(byte[] body)
    {
        var builder = new StringBuilder();
        foreach (var b in body.Take(1600))
        {
            builder.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}");
        }

        return body.Length > 1600 ? builder + $"…(+{body.Length - 1600})" : builder.ToString();
    }
}

public static class HostileRequests
{
    /// <summary>A little over the server's default body limit (Api:MaxRequestBodyBytes, 1 MiB).</summary>
    public const int BodyLimitBytes = 1024 * 1024;

    public static readonly Gen<HostileCase> Cases = Gen.Select(
        Gen.Int[0, ApiCatalog.Endpoints.Length - 1],
        Gen.Frequency((45, Gen.Const(CallerAuth.Signature)), (40, Gen.Const(CallerAuth.BearerToken)), (15, Gen.Const(CallerAuth.BareToken))),
        Gen.Frequency(
            (10, Gen.Const(Hostility.WrongType)), (6, Gen.Const(Hostility.MissingField)), (6, Gen.Const(Hostility.ExtraField)),
            (5, Gen.Const(Hostility.HugeString)), (5, Gen.Const(Hostility.HugeArray)), (5, Gen.Const(Hostility.DeepNesting)),
            (6, Gen.Const(Hostility.InvalidUtf8)), (6, Gen.Const(Hostility.LoneSurrogate)), (6, Gen.Const(Hostility.ControlCharacters)),
            (7, Gen.Const(Hostility.Injection)), (8, Gen.Const(Hostility.NumberOutOfRange)), (6, Gen.Const(Hostility.DuplicateKey)),
            (6, Gen.Const(Hostility.WrongContentType)), (7, Gen.Const(Hostility.OddBody)), (2, Gen.Const(Hostility.OverLimit)),
            (6, Gen.Const(Hostility.OddQuery))),
        Gen.Int[0, 1_000_000],
        Gen.Int[0, 1_000_000],
        Gen.Int[0, 100],
        Gen.String[0, 12],
        (endpoint, auth, kind, pick, variant, size, noise) => new HostileCase(endpoint, auth, kind, pick, variant, size, noise));

    public static readonly string[] WrongValues =
    [
        "0", "-1", "1.5", "true", "false", "null", "\"\"", "\"text\"", "[]", "[1,\"a\",null,{}]", "{}", "{\"a\":{\"b\":[1]}}",
        "1e400", "-1e400", "99999999999999999999999", "\"1\"", "\"true\"", "[[]]", "[{}]", "\"null\"", "\"[]\"", "\"{}\"",
    ];

    public static readonly string[] Numbers =
    [
        "2147483648", "-2147483649", "9223372036854775808", "-9223372036854775809", "1e400", "-1e400", "1e-400", "0.5", "-0",
        "-1", "0", "1.0", "1E2", "123456789012345678901234567890", "4.9e-324", "1.7976931348623157e308", "-2147483648",
        "\"1e400\"", "\"-1\"", "\"99999999999999999999\"", "\"0x10\"", "\"NaN\"", "\"Infinity\"", "\" 1\"", "\"1 \"", "\"١\"",
    ];

    /// <summary>Not JSON numbers at all: the parser must refuse them.</summary>
    public static readonly string[] BadNumbers = ["0x10", "+1", "01", ".5", "1.", "NaN", "Infinity", "-Infinity", "1e", "--1", "1_000"];

    public static readonly string[] Injections =
    [
        "' OR '1'='1", "'; DROP TABLE accounts; --", "\"; DELETE FROM accounts; --", "1; SELECT pg_sleep(5)", "' || pg_sleep(5) || '",
        "%' AND 1=1 --", "admin'--", "' UNION SELECT protected_secret FROM access_keys --", "$1", "E'\\\\x00'", "%", "_", "\\", "%_%",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(document.cookie)", "${jndi:ldap://evil/a}",
        "{{7*7}}", "#{7*7}", "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%00", "%s%s%s%n", "$(reboot)", "`id`",
        "{\"$gt\": \"\"}", "*", "null", "undefined", "NaN", "\u202egnp.exe", "0x00", "true", "__proto__", "constructor",
        "user_pool_id", "'", "\"", "');--", "\\u0000", "<!--", "]]>", "\r\nSet-Cookie: a=b",
    ];

    public static readonly string[] ExtraKeys =
    [
        "__proto__", "constructor", "prototype", "$where", "", " ", "userPoolId", "user_pool_id", "id", "passwordHash", "statusCode",
        "LIST", "List", "list ", "Email", "EMAIL", "é", "键", "🙂", "a.b", "a[0]", "$ref", "@odata.type", "x-authing-userpool-id",
    ];

    public static readonly string[] ContentTypes =
    [
        "", "text/plain", "text/plain; charset=utf-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz",
        "application/xml", "application/json; charset=utf-16", "application/json; charset=iso-8859-1", "application/jsonx",
        "application/problem+json", "*/*", "application/json, text/html", "garbage", "APPLICATION/JSON", "application/json; boundary=\"",
        "text/json", "application/javascript", "application/octet-stream", "json", "application/", "/json",
    ];

    public static readonly string[] OddBodies =
    [
        "", " ", "\r\n", "null", "[]", "[{}]", "[null]", "42", "-0", "\"string\"", "true", "{}", "{", "}", "{\"", "{\"list\":",
        "{\"list\":[", "\uFEFF{}", "{}{}", "{} x", "/* c */ {}", "{'a':1}", "{a:1}", "{\"a\":1,}", "[1,]", "NaN", "Infinity",
        "{\"a\" 1}", "\"\\u0000\"", "{\"list\":[{}]}", "{\"list\":[null]}", "{\"list\":{}}", "{\"options\":null}", "{\"\":\"\"}",
        "\0", "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "{\"a\":'b'}", "{\"a\":tru}", "{\"a\":nul}", "[\"a\",]",
    ];

    public static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xFE], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80],
        [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xBF], [0xE4, 0xB8], [0xC3], [0xF0, 0x9F, 0x99], [0xC1, 0xBF],
    ];

    public static readonly string[] LoneSurrogates =
    [
        "\\ud800", "\\udfff", "\\ud83d", "\\udc00\\ud800", "a\\ud800b", "\\ud800\\u0041", "\\uDBFF", "x\\udc00", "\\ud83d\\ud83d",
    ];

    public static readonly string[] EscapedControls =
    [
        "\\u0000", "a\\u0000b", "\\u0001\\u001f", "\\u001b[31mred", "\\u007f", "\\u2028\\u2029", "\\ufeffBOM", "zero\\u200bwidth",
        "line\\r\\nbreak", "tab\\there", "\\b\\f", "\\u0085", "\\ufffe", "\\uffff",
    ];

    public static readonly byte[][] RawControls = [[0x00], [0x01], [0x0A], [0x0D], [0x1F], [0x09], [0x7F]];

    public static readonly string[] OddQueries =
    [
        "%", "%%", "%G1=1", "%zz=%zz", "a=%2", "=", "==", "&&&", "a=b=c", "%252F=%252F", "%u0041=1", "+=+", "%2B=%2B", ";", "a;b=c",
        "userId=%2F..%2F..%2Fetc%2Fpasswd", "!$'()*,=1", "[]=1", "[=1", "]=1", "a[=1", "userIds[][]=1", "userIds[0]=1",
        "%FF=%FF", "%00=%00", "%C0%AF=1", "%ED%A0%80=1", "%EF%BB%BF=1", "a=%0D%0ASet-Cookie:%20x", "x=" + new string('a', 5000),
        "a=1&a=2&a=3", "limit=-1&page=0", "targetType=USER&targetType=ROLE", "targetType[]=USER", "userIdType=__proto__",
    ];

    public static BuiltRequest Build(HostileCase c, Caller caller, SeededData seeded, long number)
    {
        var endpoint = c.Endpoint;
        var builder = new Builder(c, seeded, number);
        var (target, body, contentType) = endpoint.Method == HttpMethod.Get ? builder.Get() : builder.Post();
        var headers = caller.Headers(c.Auth, endpoint.Method.Method, target, body, endpoint.NeedsCredentials);
        if (contentType is not null)
        {
            headers.Add(KeyValuePair.Create("Content-Type", contentType));
        }

        return new BuiltRequest(c, new RawRequest(endpoint.Method.Method, target, headers, body), contentType);
    }

    /// <summary>Builds one case. Raw JSON that JsonNode cannot hold (1e400, invalid UTF-8, duplicate keys) goes in as a sentinel string, spliced in after serialization.</summary>
    private sealed class Builder(HostileCase c, SeededData seeded, long number)
    {
        private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        private readonly List<byte[]> _raws = [];

        private int Pick => c.Pick;

        private int Variant => c.Variant;

        private T Of<T>(IReadOnlyList<T> values, int salt = 0) => values[(Variant + salt) % values.Count];

        private string Raw(byte[] raw)
        {
            _raws.Add(raw);
            return $"@@RAW{_raws.Count - 1}@@";
        }

        private string Raw(string raw) => Raw(Encoding.UTF8.GetBytes(raw));

        /// <summary>A string token with <paramref name="inner"/> spliced between the quotes as is (already escaped, or raw bytes).</summary>
        private string RawString(byte[] inner) => Raw([(byte)'"', .. Encoding.UTF8.GetBytes(Fillers()), .. inner, .. Encoding.UTF8.GetBytes(Fillers()), (byte)'"']);

        /// <summary>Text around the spliced bytes: none, a little, or the case's noise when it is plain ASCII (it goes in unescaped).</summary>
        private string Fillers() => (Variant / 7 % 3) switch
        {
            0 => "",
            1 => "ab",
            _ => c.Noise.Length > 0 && c.Noise.All(ch => ch is >= ' ' and < (char)0x7F and not '"' and not '\\') ? c.Noise : "x",
        };

        public (string Target, byte[]? Body, string? ContentType) Post()
        {
            var template = c.Endpoint.Body!(seeded);
            var target = c.Endpoint.Path;
            var contentType = "application/json";
            JsonNode? root = template;
            string? wholeBody = null;
            switch (c.Kind)
            {
                case Hostility.WrongType:
                    Replace(template, Any(template), Raw(Of(WrongValues)));
                    break;
                case Hostility.MissingField:
                    Remove(template, Variant % 5 == 0 ? null : Any(template));
                    break;
                case Hostility.ExtraField:
                    AddExtra(template);
                    break;
                case Hostility.HugeString:
                    Replace(template, Strings(template), Huge());
                    break;
                case Hostility.HugeArray:
                    Replace(template, Any(template, preferArrays: true), HugeArray(template));
                    break;
                case Hostility.DeepNesting:
                    if (Variant % 4 == 0)
                    {
                        wholeBody = Deep();
                    }
                    else
                    {
                        Replace(template, Any(template), Raw(Deep()));
                    }

                    break;
                case Hostility.InvalidUtf8:
                    if (Variant % 5 == 0)
                    {
                        RenameKey(template, Raw([(byte)'"', (byte)'k', .. Of(InvalidUtf8, 1), (byte)'"']));
                    }
                    else if (Variant % 5 == 1)
                    {
                        Replace(template, Any(template), Raw(Of(InvalidUtf8, 1)));
                    }
                    else
                    {
                        Replace(template, Strings(template), RawString(Of(InvalidUtf8, 1)));
                    }

                    break;
                case Hostility.LoneSurrogate:
                    if (Variant % 4 == 0)
                    {
                        RenameKey(template, RawString(Encoding.ASCII.GetBytes(Of(LoneSurrogates, 1))));
                    }
                    else
                    {
                        Replace(template, Strings(template), RawString(Encoding.ASCII.GetBytes(Of(LoneSurrogates, 1))));
                    }

                    break;
                case Hostility.ControlCharacters:
                    Replace(template, Strings(template), Variant % 3 == 0
                        ? RawString(Of(RawControls, 1))
                        : RawString(Encoding.ASCII.GetBytes(Of(EscapedControls, 1))));
                    break;
                case Hostility.Injection:
                    Replace(template, Strings(template), JsonValue.Create(Of(Injections, 1) + (Variant % 11 == 0 ? c.Noise : "")));
                    break;
                case Hostility.NumberOutOfRange:
                    Replace(template, Numeric(template), Raw(Variant % 6 == 0 ? Of(BadNumbers, 2) : Of(Numbers, 2)));
                    break;
                case Hostility.DuplicateKey:
                    Duplicate(template);
                    break;
                case Hostility.WrongContentType:
                    var type = Of(ContentTypes);
                    contentType = type.Length == 0 && Variant % 2 == 0 ? null : type;
                    if (type.Contains("form", StringComparison.Ordinal) && Variant % 3 == 0)
                    {
                        wholeBody = "list=1&options=2";
                    }

                    break;
                case Hostility.OddBody:
                    wholeBody = Of(OddBodies);
                    if (Variant % 9 == 0)
                    {
                        wholeBody = Of(BadNumbers, 3);
                    }

                    break;
                case Hostility.OverLimit:
                    template["padding"] = new string('p', BodyLimitBytes + (c.Size * 20_000));
                    break;
                case Hostility.OddQuery:
                    target += "?" + Of(OddQueries);
                    break;
            }

            return (target, Finish(wholeBody ?? root!.ToJsonString(Relaxed)), contentType);
        }

        public (string Target, byte[]? Body, string? ContentType) Get()
        {
            var query = c.Endpoint.Query!(seeded).Select(q => (Key: Escape(q.Key), Value: Escape(q.Value))).ToList();
            byte[]? body = null;
            string? contentType = null;
            int At() => query.Count == 0 ? -1 : Pick % query.Count;
            void SetValue(string value)
            {
                if (At() is var i and >= 0)
                {
                    query[i] = (query[i].Key, value);
                }
                else
                {
                    query.Add(("x", value));
                }
            }

            switch (c.Kind)
            {
                case Hostility.WrongType:
                    SetValue(Of(["%5B%5D", "%7B%7D", "true", "null", "1.5", "-1", "", "%5B1%2C2%5D", "%7B%22a%22%3A1%7D", "undefined", "NaN"]));
                    break;
                case Hostility.MissingField:
                    if (Variant % 5 == 0)
                    {
                        query.Clear();
                    }
                    else if (At() is var i and >= 0)
                    {
                        query.RemoveAt(i);
                    }

                    break;
                case Hostility.ExtraField:
                    query.Add((Escape(Of(ExtraKeys)), Escape(c.Noise)));
                    break;
                case Hostility.HugeString:
                    SetValue(new string(Of(['a', '0', '-']), Of([500, 2_000, 6_000])));
                    break;
                case Hostility.HugeArray:
                    var key = Of(["userIds%5B%5D", "userIds", "userId", "withCustomData", "targetType"]);
                    query.AddRange(Enumerable.Repeat((key, "x"), Of([51, 200, 400])));
                    break;
                case Hostility.DeepNesting:
                    if (Variant % 2 == 0)
                    {
                        query.Add(("a" + string.Concat(Enumerable.Repeat("%5Bb%5D", Of([33, 300]))), "1"));
                    }
                    else
                    {
                        SetValue(string.Concat(Enumerable.Repeat("%5B", Of([33, 1000]))));
                    }

                    break;
                case Hostility.InvalidUtf8:
                    SetValue(Escape("a") + string.Concat(Of(InvalidUtf8, 1).Select(b => $"%{b:X2}")));
                    break;
                case Hostility.LoneSurrogate:
                    SetValue(Of(["%ED%A0%80", "%ED%B0%80", "%uD800", "%5Cud800", "a%ED%A0%80b"]));
                    break;
                case Hostility.ControlCharacters:
                    SetValue(Of(["%00", "a%00b", "%01", "%0A", "%0D%0A", "%1B%5B31m", "%7F", "%E2%80%A8", "%EF%BB%BF", "%09"]));
                    break;
                case Hostility.Injection:
                    SetValue(Variant % 4 == 0 ? Of(["'", "(", ")", "*", "!", "+", "'--", "1'or'1'='1"]) : Escape(Of(Injections, 1)));
                    break;
                case Hostility.NumberOutOfRange:
                    var numeric = query.FindIndex(q => q.Key is "page" or "limit" or "updatedAtStart" or "updatedAtEnd");
                    var number = Escape(Of(["2147483648", "-1", "1e400", "99999999999999999999", "1.5", "0", "-0", "0x10", "NaN", "Infinity",
                        "-9223372036854775808", "9223372036854775807", "253402300800", "-62135596801", "1,000", " 1", "١"]));
                    if (numeric >= 0 && Variant % 3 != 0)
                    {
                        query[(numeric + Pick) % query.Count] = (query[(numeric + Pick) % query.Count].Key, number);
                    }
                    else
                    {
                        SetValue(number);
                    }

                    break;
                case Hostility.DuplicateKey:
                    if (At() is var d and >= 0)
                    {
                        query.Add((query[d].Key, Of(["", "x", "false", "ROLE", query[d].Value])));
                    }

                    break;
                case Hostility.WrongContentType:
                case Hostility.OddBody:
                    body = Encoding.UTF8.GetBytes(Of(OddBodies));
                    contentType = Of(ContentTypes, 1);
                    break;
                case Hostility.OverLimit:
                    body = new byte[BodyLimitBytes + c.Size * 10_000];
                    contentType = "application/json";
                    break;
                case Hostility.OddQuery:
                    query.Add((Of(OddQueries), ""));
                    break;
            }

            var target = c.Endpoint.Path + (query.Count == 0 ? "" : "?" + string.Join("&",
                query.Select(q => q.Value.Length == 0 && q.Key.Contains('=', StringComparison.Ordinal) ? q.Key : q.Key + "=" + q.Value)));
            return (ApiCatalog.Fill(target, "h", number), body, contentType);
        }

        private static string Escape(string text) => Uri.EscapeDataString(text);

        private byte[] Finish(string json)
        {
            var bytes = Encoding.UTF8.GetBytes(ApiCatalog.Fill(json, "h", number));
            for (var i = _raws.Count - 1; i >= 0; i--)
            {
                bytes = Splice(bytes, Encoding.UTF8.GetBytes($"\"@@RAW{i}@@\""), _raws[i]);
            }

            return bytes;
        }

        private static byte[] Splice(byte[] bytes, byte[] sentinel, byte[] replacement)
        {
            var at = bytes.AsSpan().IndexOf(sentinel);
            return at < 0 ? bytes : [.. bytes.AsSpan(0, at), .. replacement, .. bytes.AsSpan(at + sentinel.Length)];
        }

        private string Huge()
        {
            var length = Of([300, 5_000, 60_000, 250_000, 1_000_000]);
            var unit = Of(["a", "字", "🙂", "\\\\", "\\u0000", " ", "\\n"], 1);
            var builder = new StringBuilder(length * unit.Length + 2).Append('"');
            for (var i = 0; i < length; i++)
            {
                builder.Append(unit);
            }

            return Raw(builder.Append('"').ToString());
        }

        private string HugeArray(JsonObject template)
        {
            var count = Of([50, 51, 1_000, 10_000, 100_000]);
            var element = Of(["0", "\"a\"", "{}", "null", "[]", "ITEM"], 1);
            if (element == "ITEM")
            {
                // Copies of the template's first list item (or the whole template): a batch far over its size.
                element = (template["list"] is JsonArray { Count: > 0 } list ? list[0]! : template).ToJsonString(Relaxed);
                count = Math.Min(count, 1_000);
            }

            return Raw("[" + string.Join(",", Enumerable.Repeat(element, count)) + "]");
        }

        private string Deep()
        {
            var depth = Of([33, 64, 1_000, 10_000, 100_000], 1);
            return (Variant % 3) switch
            {
                0 => new string('[', depth) + new string(']', depth),
                1 => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth),
                _ => new string('[', depth),
            };
        }

        private readonly record struct Slot(JsonNode? Parent, string? Key, int Index, JsonNode? Node);

        private static List<Slot> Slots(JsonNode root)
        {
            var slots = new List<Slot>();
            void Walk(JsonNode? node)
            {
                switch (node)
                {
                    case JsonObject o:
                        foreach (var (key, value) in o.ToList())
                        {
                            slots.Add(new Slot(o, key, -1, value));
                            Walk(value);
                        }

                        break;
                    case JsonArray a:
                        for (var i = 0; i < a.Count; i++)
                        {
                            slots.Add(new Slot(a, null, i, a[i]));
                            Walk(a[i]);
                        }

                        break;
                }
            }

            Walk(root);
            return slots;
        }

        private Slot? Any(JsonObject template, bool preferArrays = false)
        {
            var slots = Slots(template);
            if (preferArrays && Variant % 2 == 0 && slots.Where(s => s.Node is JsonArray).ToList() is { Count: > 0 } arrays)
            {
                return arrays[Pick % arrays.Count];
            }

            return slots.Count == 0 ? null : slots[Pick % slots.Count];
        }

        private Slot? Strings(JsonObject template)
        {
            var strings = Slots(template).Where(s => s.Node is JsonValue v && v.GetValueKind() == JsonValueKind.String).ToList();
            return strings.Count == 0 ? Any(template) : strings[Pick % strings.Count];
        }

        private Slot? Numeric(JsonObject template)
        {
            var slots = Slots(template);
            var numbers = slots.Where(s => s.Node is JsonValue v && v.GetValueKind() == JsonValueKind.Number).ToList();
            return numbers.Count > 0 && Variant % 4 != 0 ? numbers[Pick % numbers.Count] : slots.Count == 0 ? null : slots[Pick % slots.Count];
        }

        private static void Replace(JsonObject template, Slot? slot, JsonNode? value)
        {
            switch (slot)
            {
                case { Parent: JsonObject o, Key: { } key }:
                    o[key] = value;
                    break;
                case { Parent: JsonArray a, Index: var i }:
                    a[i] = value;
                    break;
                default:
                    template["field"] = value;
                    break;
            }
        }

        private static void Replace(JsonObject template, Slot? slot, string sentinel) => Replace(template, slot, JsonValue.Create(sentinel));

        private static void Remove(JsonObject template, Slot? slot)
        {
            switch (slot)
            {
                case null:
                    template.Clear();
                    break;
                case { Parent: JsonObject o, Key: { } key }:
                    o.Remove(key);
                    break;
                case { Parent: JsonArray a, Index: var i }:
                    a.RemoveAt(i);
                    break;
            }
        }

        private JsonObject Container(JsonObject template)
        {
            var objects = Slots(template).Select(s => s.Node).OfType<JsonObject>().Prepend(template).ToList();
            return objects[Pick % objects.Count];
        }

        private void AddExtra(JsonObject template)
        {
            var target = Container(template);
            var key = Of(ExtraKeys) + (Variant % 13 == 0 ? c.Noise : "");
            if (target.ContainsKey(key))
            {
                key += "_";
            }

            target[key] = Variant % 3 == 0 ? JsonValue.Create(Raw(Of(WrongValues, 1))) : JsonValue.Create(c.Noise);
        }

        /// <summary>Renames a member to a raw (possibly invalid) key.</summary>
        private void RenameKey(JsonObject template, string sentinel)
        {
            var target = Container(template);
            if (target.Count == 0)
            {
                target[sentinel] = 1;
                return;
            }

            var (key, value) = target.ElementAt(Pick % target.Count);
            target.Remove(key);
            target[sentinel] = value;
        }

        /// <summary>A second member with the same name as an existing one (JsonObject cannot hold two, so the name is spliced in raw).</summary>
        private void Duplicate(JsonObject template)
        {
            var target = Variant % 2 == 0 ? template : Container(template);
            if (target.Count == 0)
            {
                target["a"] = 1;
            }

            var (key, value) = target.ElementAt(Pick % target.Count);
            var duplicate = (Variant / 2 % 3) switch
            {
                0 => value?.DeepClone(),
                1 => JsonValue.Create(Raw(Of(WrongValues, 1))),
                _ => JsonValue.Create("other"),
            };
            target[Raw(JsonSerializer.Serialize(key, Relaxed))] = duplicate;
        }
    }
}
