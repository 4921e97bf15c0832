namespace Anfragen.Assistant.Review;

/// <summary>Where one answer stands in the review: Offen → Entwurf → bearbeitet → freigegeben | abgelehnt.</summary>
public enum AnswerStatus
{
    /// <summary>No draft yet (drafting pending or failed).</summary>
    Open = 0,

    /// <summary>Entwurf: proposed by the assistant, not touched by a person.</summary>
    Proposed,

    /// <summary>bearbeitet: edited by a person.</summary>
    Edited,

    /// <summary>freigegeben: approved by a reviewer.</summary>
    Approved,

    /// <summary>abgelehnt: rejected by a reviewer with a comment.</summary>
    Rejected,
}
