namespace Anfragen.Assistant.Drafting;

public enum ChatRole
{
    User = 0,
    Assistant,
}

/// <summary>One earlier message of a staff conversation with the archive.</summary>
public sealed record ChatTurn(ChatRole Role, string Text);
