namespace Anfragen.Assistant.Review;

/// <summary>Who an inquiry or one of its questions is assigned to: a person (user name) or a Fachbereich.</summary>
public sealed record Assignment(AssigneeKind Kind, string Name)
{
    /// <summary>"Sam Sachbearbeitung" or "FB 66 Tiefbau (Fachbereich)".</summary>
    public string Label => Kind == AssigneeKind.Fachbereich ? $"{Name} (Fachbereich)" : Name;

    /// <summary>Whether the assignment names this actor or the actor's Fachbereich.</summary>
    public bool Concerns(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Kind == AssigneeKind.Person
            ? string.Equals(Name, actor.UserName, StringComparison.OrdinalIgnoreCase)
            : actor.Department is { Length: > 0 } department && string.Equals(Name.Trim(), department.Trim(), StringComparison.OrdinalIgnoreCase);
    }
}

public enum AssigneeKind
{
    Person = 0,
    Fachbereich = 1,
}
