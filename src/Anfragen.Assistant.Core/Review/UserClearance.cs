namespace Anfragen.Assistant.Review;

/// <summary>An administrator's decision whether a user may see nichtöffentlich papers (overrides the claim).</summary>
public sealed record UserClearance(string UserName, bool ClearedForNonPublic, string ChangedBy, DateTimeOffset ChangedAt);
