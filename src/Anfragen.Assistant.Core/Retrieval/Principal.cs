namespace Anfragen.Assistant.Retrieval;

/// <summary>Who is asking. Only a principal cleared for nichtöffentlich papers ever sees them, in any search, chat, draft or prompt.</summary>
public sealed record Principal(string UserName, bool ClearedForNonPublic)
{
    /// <summary>The CLI's default caller: public documents only unless --include-nonpublic is given.</summary>
    public static Principal PublicCaller { get; } = new("public", false);
}
