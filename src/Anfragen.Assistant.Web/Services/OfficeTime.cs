using System.Globalization;
using Anfragen.Assistant.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Web.Services;

/// <summary>
/// Times as the administration reads them: in its own time zone (<c>Anfragen:Web:TimeZone</c>, default
/// Europe/Berlin), not the server's, which in a container is usually UTC. Stored times stay UTC.
/// </summary>
public sealed class OfficeTime(TimeProvider clock, IOptions<WebOptions> options)
{
    private readonly TimeZoneInfo _zone = Resolve(options.Value.TimeZone);

    /// <summary>Today's date in the office's time zone (deadlines, "überfällig").</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), _zone).DateTime);

    /// <summary>"26.11.2026 04:48" in the office's time zone.</summary>
    public string Format(DateTimeOffset time, string format = "dd.MM.yyyy HH:mm") =>
        TimeZoneInfo.ConvertTime(time, _zone).ToString(format, CultureInfo.InvariantCulture);

    public const string DefaultZone = "Europe/Berlin";

    /// <summary>The time zone, or a clear error naming the setting when the id is unknown.</summary>
    /// <remarks>A machine without the time-zone database (a slim container without tzdata) still gets the default zone right.</remarks>
    public static TimeZoneInfo Resolve(string id) =>
        TryResolve(id) ?? throw new InvalidOperationException($"Unbekannte Zeitzone \"{id}\" in Anfragen:Web:TimeZone (z. B. Europe/Berlin).");

    /// <summary>Whether <paramref name="id"/> can be resolved (for start-up validation).</summary>
    public static bool Exists(string id) => TryResolve(id) is not null;

    private static TimeZoneInfo? TryResolve(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : id == DefaultZone ? CentralEuropeanTime : null;

    /// <summary>CET/CEST by the EU rule (since 1996): summer time from the last Sunday of March, 02:00, to the last Sunday of October, 03:00.</summary>
    internal static TimeZoneInfo CentralEuropeanTime { get; } = TimeZoneInfo.CreateCustomTimeZone(
        DefaultZone,
        TimeSpan.FromHours(1),
        "Mitteleuropäische Zeit",
        "Mitteleuropäische Zeit",
        "Mitteleuropäische Sommerzeit",
        [
            TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                new DateTime(1996, 1, 1),
                DateTime.MaxValue.Date,
                TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday)),
        ]);
}
