namespace Anfragen.Assistant.Inquiries;

// STAND-IN (web branch) until the parser branch is merged.
public sealed class InquiryParser
{
    public Inquiry Parse(string text, string source) => throw new NotSupportedException(source + text);

    public Inquiry ParseLenient(string text) => throw new NotSupportedException(text);
}
