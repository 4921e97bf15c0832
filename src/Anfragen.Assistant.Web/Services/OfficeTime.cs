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

    /// <summary>The time zone, or a clear error naming the setting when the id is unknown.</summary>
    public static TimeZoneInfo Resolve(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidOperationException($"Unbekannte Zeitzone \"{id}\" in Anfragen:Web:TimeZone (z. B. Europe/Berlin).", ex);
        }
    }
}
