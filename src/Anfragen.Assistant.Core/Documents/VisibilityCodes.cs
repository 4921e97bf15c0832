namespace Anfragen.Assistant.Documents;

/// <summary>
/// How <see cref="Visibility"/> is persisted, independent of the enum's numbers: SQLite columns hold 0 = öffentlich,
/// 1 = nichtöffentlich (the codes written since the first release), Qdrant payloads and JSON the names "Public" and
/// "NonPublic". Reading is fail-closed: only the exact public code or name is öffentlich, anything else nichtöffentlich.
/// </summary>
public static class VisibilityCodes
{
    public const long PublicCode = 0;
    public const long NonPublicCode = 1;
    public const string PublicName = "Public";
    public const string NonPublicName = "NonPublic";

    public static long ToCode(Visibility visibility) => visibility == Visibility.Public ? PublicCode : NonPublicCode;

    public static Visibility FromCode(long code) => code == PublicCode ? Visibility.Public : Visibility.NonPublic;

    public static string ToName(Visibility visibility) => visibility == Visibility.Public ? PublicName : NonPublicName;

    public static Visibility FromName(string? name) => string.Equals(name, PublicName, StringComparison.Ordinal) ? Visibility.Public : Visibility.NonPublic;

    /// <summary>The most restrictive of the given visibilities: nichtöffentlich when any is; öffentlich for none.</summary>
    public static Visibility MostRestrictive(IEnumerable<Visibility> visibilities)
    {
        ArgumentNullException.ThrowIfNull(visibilities);
        return visibilities.Any(v => v != Visibility.Public) ? Visibility.NonPublic : Visibility.Public;
    }
}
