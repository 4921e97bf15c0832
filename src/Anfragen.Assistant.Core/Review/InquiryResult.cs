namespace Anfragen.Assistant.Review;

/// <summary>The typed result of creating or opening an inquiry.</summary>
public sealed record InquiryResult(ReviewOutcome Outcome, InquiryRecord? Inquiry, string? Message)
{
    public bool Succeeded => Outcome == ReviewOutcome.Success;
}
