namespace Anfragen.Assistant.Inquiries;

/// <summary>One numbered question (1-based); sub-items (a), b), dashes) stay inside its text.</summary>
public sealed record InquiryQuestion(int Number, string Text);
