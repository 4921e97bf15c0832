using Anfragen.Assistant.Inquiries;
using Anfragen.Assistant.Retrieval;

namespace Anfragen.Assistant.Drafting;

// STAND-IN (web branch) until the drafting branch is merged.
public sealed class DraftingService
{
    public Task<DraftAnswer> DraftQuestionAsync(Inquiry inquiry, InquiryQuestion question, Principal principal, CancellationToken cancellationToken = default) => throw new NotSupportedException(inquiry.Id + question + principal);
}
