using System.Globalization;
using System.Xml;

namespace Anfragen.Assistant.Ingestion;

/// <summary>Names and attributes of WordprocessingML, in its transitional and its strict namespace.</summary>
internal static class DocxXml
{
    public const string Transitional = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public const string Strict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
    public const string MarkupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    public static bool IsWord(XmlReader reader) => reader.NamespaceURI is Transitional or Strict;

    public static string? Attribute(XmlReader reader, string name) => reader.GetAttribute(name, reader.NamespaceURI);

    public static string? Value(XmlReader reader) => Attribute(reader, "val");

    public static int? IntAttribute(XmlReader reader, string name) =>
        int.TryParse(Attribute(reader, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
