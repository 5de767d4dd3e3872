using System.Globalization;

namespace UserPool.Api.Security.Signing;

public enum SignedDateFailure
{
    None = 0,
    Missing,
    Unparseable,
    OutsideWindow,
}

public sealed record SignedDateCheck(SignedDateFailure Failure, DateTimeOffset? Date)
{
    public bool IsFresh => Failure == SignedDateFailure.None;

    /// <summary>The documented apiCode for the failure, or null when the date is fresh.</summary>
    public int? ApiCode => Failure switch
    {
        SignedDateFailure.Missing => SignatureApiCodes.MissingDateHeader,
        SignedDateFailure.Unparseable => SignatureApiCodes.InvalidTimestampFormat,
        SignedDateFailure.OutsideWindow => SignatureApiCodes.ClockSkewTooLarge,
        _ => null,
    };
}

/// <summary>
/// The <c>date</c> header of a signed request. Node sends <c>Date.toUTCString()</c> (RFC 1123, e.g.
/// <c>Mon, 01 Jan 2024 00:00:00 GMT</c>); Java sends epoch milliseconds. Both are accepted.
/// </summary>
public static class SignedDate
{
    public static bool TryParse(string? value, out DateTimeOffset date)
    {
        date = default;
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text.All(char.IsAsciiDigit))
        {
            return TryFromEpochMilliseconds(text, out date);
        }

        // "r" is the fixed RFC 1123 pattern ending in "GMT"; the parser also rejects a weekday that does not match the date.
        return DateTimeOffset.TryParseExact(
            text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out date);
    }

    /// <summary>Checks that the header is present, parseable and within <paramref name="window"/> of now, either side.</summary>
    public static SignedDateCheck Check(string? dateHeader, TimeProvider clock, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero);

        if (string.IsNullOrWhiteSpace(dateHeader))
        {
            return new SignedDateCheck(SignedDateFailure.Missing, null);
        }

        if (!TryParse(dateHeader, out var date))
        {
            return new SignedDateCheck(SignedDateFailure.Unparseable, null);
        }

        var skew = (clock.GetUtcNow() - date).Duration();
        return new SignedDateCheck(skew <= window ? SignedDateFailure.None : SignedDateFailure.OutsideWindow, date);
    }

    private static bool TryFromEpochMilliseconds(string digits, out DateTimeOffset date)
    {
        date = default;
        var min = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
        var max = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            || milliseconds < min || milliseconds > max)
        {
            return false;
        }

        date = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        return true;
    }
}
