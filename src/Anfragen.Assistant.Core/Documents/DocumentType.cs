namespace Anfragen.Assistant.Documents;

/// <summary>Kinds of council papers, as the council information system names them.</summary>
public enum DocumentType
{
    Other = 0,
    Anfrage,
    Stellungnahme,
    Mitteilung,
    Antrag,
    Vorlage,
}
