using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Review.Export;

/// <summary>A configured template must exist and be a Word document or template; checked at start, naming the key.</summary>
internal sealed class ExportOptionsValidator : IValidateOptions<ExportOptions>
{
    public ValidateOptionsResult Validate(string? name, ExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.Citations))
        {
            return ValidateOptionsResult.Fail("Anfragen:Export:Citations: erlaubt sind Reference oder Remove.");
        }

        if (options.ResolvedTemplate is not { } path)
        {
            return ValidateOptionsResult.Success;
        }

        if (!File.Exists(path))
        {
            return ValidateOptionsResult.Fail($"Anfragen:Export:Template: die Vorlage {path} gibt es nicht.");
        }

        try
        {
            using var document = WordprocessingDocument.Open(path, false);
            return document.MainDocumentPart?.Document?.Body is null
                ? ValidateOptionsResult.Fail($"Anfragen:Export:Template: {path} hat keinen Dokumentkörper.")
                : ValidateOptionsResult.Success;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or FormatException or OpenXmlPackageException or System.Xml.XmlException or UnauthorizedAccessException)
        {
            return ValidateOptionsResult.Fail($"Anfragen:Export:Template: {path} ist keine lesbare Word-Vorlage (.dotx/.docx): {ex.Message}");
        }
    }
}
