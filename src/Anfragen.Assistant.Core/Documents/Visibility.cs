namespace Anfragen.Assistant.Documents;

/// <summary>Whether a paper may be shown to everyone (öffentlich) or only to cleared staff (nichtöffentlich).</summary>
public enum Visibility
{
    Public = 0,
    NonPublic = 1,
}
