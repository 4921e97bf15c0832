using System.ComponentModel.DataAnnotations;

namespace Anfragen.Assistant.Review;

/// <summary>"Anfragen:Review": the rules of the department's review workflow.</summary>
public sealed class ReviewOptions
{
    public const string SectionName = "Anfragen:Review";

    /// <summary>
    /// Vier-Augen-Prinzip: whoever last put an answer's text in (typed it, restored a version, took over or requested a
    /// draft) cannot approve it. On by default; a one-person office may turn it off.
    /// </summary>
    public bool FourEyes { get; set; } = true;

    /// <summary>The answer is due this many calendar days before the session it is answered in (the deadline of an inquiry).</summary>
    [Range(0, 365)]
    public int DeadlineLeadDays { get; set; } = 7;
}
