using Anfragen.Assistant.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Web.Services;

public sealed class OfficeTimeTests
{
    [Fact]
    public void Times_are_shown_in_the_offices_time_zone_with_summer_time()
    {
        var time = new OfficeTime(new FixedClock(new DateTimeOffset(2026, 11, 26, 3, 48, 0, TimeSpan.Zero)), Options.Create(new WebOptions()));

        Assert.Equal("26.11.2026 04:48", time.Format(new DateTimeOffset(2026, 11, 26, 3, 48, 0, TimeSpan.Zero)));
        Assert.Equal("01.07.2026 12:00:05", time.Format(new DateTimeOffset(2026, 7, 1, 10, 0, 5, TimeSpan.Zero), "dd.MM.yyyy HH:mm:ss"));
    }

    [Fact]
    public void Today_is_the_offices_date_not_the_servers()
    {
        // 23:30 UTC is already the next day in Berlin: a session on the 27th is due today there.
        var time = new OfficeTime(new FixedClock(new DateTimeOffset(2026, 11, 26, 23, 30, 0, TimeSpan.Zero)), Options.Create(new WebOptions()));

        Assert.Equal(new DateOnly(2026, 11, 27), time.Today);
    }

    [Fact]
    public void An_unknown_time_zone_is_a_clear_error_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => OfficeTime.Resolve("Mars/Olympus_Mons"));

        Assert.Contains("Anfragen:Web:TimeZone", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-03-29T00:59:00Z", "29.03.2026 01:59")] // last Sunday of March, before the change
    [InlineData("2026-03-29T01:00:00Z", "29.03.2026 03:00")] // summer time
    [InlineData("2026-10-25T00:59:00Z", "25.10.2026 02:59")]
    [InlineData("2026-10-25T01:00:00Z", "25.10.2026 02:00")] // back to winter time
    [InlineData("2026-11-26T03:48:00Z", "26.11.2026 04:48")]
    public void Without_a_time_zone_database_the_default_zone_follows_the_EU_rule(string utc, string expected) =>
        Assert.Equal(expected, TimeZoneInfo.ConvertTime(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), OfficeTime.CentralEuropeanTime).ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
