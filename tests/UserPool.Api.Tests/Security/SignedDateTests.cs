using UserPool.Api.Security;
using UserPool.Api.Security.Signing;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Security;

public sealed class SignedDateTests
{
    private static readonly DateTimeOffset NewYear2024 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private static SignedDateCheck CheckAt(string? header, DateTimeOffset now) => SignedDate.Check(header, new MovableClock(now), Window);

    [Fact]
    public void TryParse_NodeToUtcString_IsRfc1123()
    {
        Assert.True(SignedDate.TryParse("Mon, 01 Jan 2024 00:00:00 GMT", out var date));
        Assert.Equal(NewYear2024, date);
        Assert.Equal(TimeSpan.Zero, date.Offset);
    }

    [Fact]
    public void TryParse_JavaEpochMilliseconds_IsAccepted()
    {
        Assert.True(SignedDate.TryParse("1704067200123", out var date));
        Assert.Equal(NewYear2024.AddMilliseconds(123), date);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Check_MissingDate_Is1304(string? header)
    {
        var check = CheckAt(header, NewYear2024);

        Assert.Equal(SignedDateFailure.Missing, check.Failure);
        Assert.Equal(SignatureApiCodes.MissingDateHeader, check.ApiCode);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("Tue, 01 Jan 2024 00:00:00 GMT")]
    [InlineData("Mon, 01 Jan 2024 00:00:00 PST")]
    [InlineData("2024-01-01T00:00:00Z")]
    [InlineData("-1704067200000")]
    [InlineData("1704067200.5")]
    [InlineData("99999999999999999999")]
    [InlineData("253402300800000")]
    public void Check_UnparseableDate_Is1303(string header)
    {
        var check = CheckAt(header, NewYear2024);

        Assert.Equal(SignedDateFailure.Unparseable, check.Failure);
        Assert.Equal(SignatureApiCodes.InvalidTimestampFormat, check.ApiCode);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(86400)]
    public void Check_DateOutsideWindowEitherSide_Is1305(int secondsFromDateToNow)
    {
        var check = CheckAt("Mon, 01 Jan 2024 00:00:00 GMT", NewYear2024.AddSeconds(secondsFromDateToNow));

        Assert.Equal(SignedDateFailure.OutsideWindow, check.Failure);
        Assert.Equal(SignatureApiCodes.ClockSkewTooLarge, check.ApiCode);
    }

    [Theory]
    [InlineData("Mon, 01 Jan 2024 00:00:00 GMT", -300)]
    [InlineData("Mon, 01 Jan 2024 00:00:00 GMT", 300)]
    [InlineData("1704067200000", 299)]
    public void Check_DateWithinWindow_IsFresh(string header, int secondsFromDateToNow)
    {
        var check = CheckAt(header, NewYear2024.AddSeconds(secondsFromDateToNow));

        Assert.True(check.IsFresh);
        Assert.Null(check.ApiCode);
        Assert.Equal(NewYear2024, check.Date);
    }
}
