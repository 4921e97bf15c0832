namespace Anfragen.Assistant.Review;

/// <summary>
/// Where one answer stands: offen → Entwurf → in Bearbeitung → zur Prüfung eingereicht → freigegeben | zurückgegeben.
/// The numbers are stored in the app-state database; new states get new numbers.
/// </summary>
public enum AnswerStatus
{
    /// <summary>offen: no draft yet (drafting pending, failed, or nothing to propose).</summary>
    Open = 0,

    /// <summary>Entwurf: proposed by the assistant, not touched by a person.</summary>
    Proposed = 1,

    /// <summary>in Bearbeitung: a person edited the text (or restored a version).</summary>
    Edited = 2,

    /// <summary>freigegeben: approved by a reviewer who did not write the text (four-eyes rule).</summary>
    Approved = 3,

    /// <summary>zurückgegeben: returned by a reviewer with a comment, to be reworked and submitted again.</summary>
    Rejected = 4,

    /// <summary>zur Prüfung eingereicht: submitted for review; only now can a reviewer approve or return it.</summary>
    Submitted = 5,
}

/// <summary>The German words for the answer states, as the UI and the exported lists show them.</summary>
public static class AnswerStatusNames
{
    public static string ToGerman(this AnswerStatus status) => status switch
    {
        AnswerStatus.Open => "offen",
        AnswerStatus.Proposed => "Entwurf",
        AnswerStatus.Edited => "in Bearbeitung",
        AnswerStatus.Submitted => "zur Prüfung eingereicht",
        AnswerStatus.Approved => "freigegeben",
        AnswerStatus.Rejected => "zurückgegeben",
        _ => status.ToString(),
    };
}
