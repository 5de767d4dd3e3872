using System.Globalization;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Validation;

/// <summary>
/// Query-string values parsed by hand, so a malformed one is a 400 naming the parameter rather than a
/// binding failure. Booleans ignore case: the Python SDK sends True/False.
/// </summary>
public static class QueryValues
{
    public static bool Flag(string? raw, string parameter) => raw switch
    {
        null or "" => false,
        _ when bool.TryParse(raw, out var value) => value,
        "1" => true,
        "0" => false,
        _ => throw ApiException.BadRequest(Messages.InvalidFormat(parameter)),
    };

    public static long? Integer(string? raw, string parameter) => raw switch
    {
        null or "" => null,
        _ when long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) => value,
        _ => throw ApiException.BadRequest(Messages.InvalidFormat(parameter)),
    };
}
