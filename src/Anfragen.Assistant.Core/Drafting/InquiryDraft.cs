using Anfragen.Assistant.Inquiries;

namespace Anfragen.Assistant.Drafting;

/// <summary>Drafts for every question of one inquiry, in question order.</summary>
public sealed record InquiryDraft(Inquiry Inquiry, IReadOnlyList<DraftAnswer> Answers);
