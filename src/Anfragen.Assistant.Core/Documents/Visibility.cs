namespace Anfragen.Assistant.Documents;

/// <summary>
/// Whether a paper may be shown to everyone (öffentlich) or only to cleared staff (nichtöffentlich).
/// <see cref="NonPublic"/> is the default value on purpose: a property nobody set, an unknown marker or a missing one
/// never means öffentlich. Stored values go through <see cref="VisibilityCodes"/>, never through the enum's number.
/// </summary>
public enum Visibility
{
    NonPublic = 0,
    Public = 1,
}
