using Anfragen.Assistant.Documents;

namespace Anfragen.Assistant.Drafting;

public enum ChatRole
{
    User = 0,
    Assistant,
}

/// <summary>
/// One earlier message of a staff conversation with the archive. <paramref name="Visibility"/> is the most restrictive
/// visibility of everything that went into it (nichtöffentlich when any passage, tool result or earlier turn was);
/// <see cref="ChatService"/> never sends a turn to a model for a caller not cleared for it.
/// </summary>
public sealed record ChatTurn(ChatRole Role, string Text, Visibility Visibility);
