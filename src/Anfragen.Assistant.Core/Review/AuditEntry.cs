namespace Anfragen.Assistant.Review;

/// <summary>One line of the audit log: who did what to which target, when.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, string UserName, string Action, string Target, string? Detail);
