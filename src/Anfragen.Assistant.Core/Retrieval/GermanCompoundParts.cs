using Lucene.Net.Analysis.Util;

namespace Anfragen.Assistant.Retrieval;

/// <summary>
/// Word parts that municipal German glues into compounds ("Digitalisierungsstrategie", "Spielflächen",
/// "Baumfällliste"). A small hand-written list of our own, not derived from any evaluation text: frequent heads and
/// modifiers of council papers (traffic, schools, children, building, climate, staff, budget, administration).
/// </summary>
internal static class GermanCompoundParts
{
    private static readonly string[] Words =
    [
        // administration and politics
        "verwaltung", "stadt", "stadtbezirk", "bezirk", "gemeinde", "kommune", "land", "bund", "rat", "ausschuss",
        "fraktion", "sitzung", "beschluss", "antrag", "anfrage", "vorlage", "mitteilung", "stellungnahme", "bericht",
        "sachstand", "konzept", "strategie", "planung", "plan", "programm", "projekt", "pilot", "maßnahme", "katalog",
        "liste", "gutachten", "analyse", "prüfung", "bewertung", "evaluation", "statistik", "daten", "information",
        "beteiligung", "bürger", "einwohner", "anwohner", "öffentlichkeit", "befragung", "dialog", "plattform",
        "portal", "geo", "satzung", "ordnung", "gesetz", "recht", "vertrag", "förderung", "mittel", "haushalt",
        "finanz", "finanzierung", "kosten", "gebühr", "steuer", "investition", "personal", "stelle", "planstelle",
        "mitarbeiter", "dienst", "amt", "fachbereich", "referat", "dezernat", "leitung", "aufgabe", "zuständigkeit",
        "digital", "digitalisierung", "innovation", "technik", "software", "system", "netz", "internet", "online",
        "sicherheit", "kriminal", "polizei", "überwachung", "video", "kamera", "ordnungsamt", "kontrolle", "feuerwehr",
        "rettung", "schutz", "katastrophe", "brand", "wache", "ortsfeuerwehr", "fahrzeug", "haus", "gebäude",
        // traffic
        "verkehr", "straße", "weg", "rad", "fahrrad", "radweg", "fußgänger", "fuß", "auto", "kraft", "bus", "bahn", "bahnhof", "vorplatz",
        "zug", "haltestelle", "bahnsteig", "zugang", "brücke", "kreuzung", "ampel", "tempo", "zone", "geschwindigkeit",
        "park", "parkplatz", "stellplatz", "parken", "lärm", "flughafen", "flug", "sperrung", "umleitung", "baustelle",
        "beleuchtung", "laterne", "licht", "überweg", "sanierung", "ausbau", "neubau", "umbau", "bau", "unterhaltung",
        // children, schools, social
        "kind", "kinder", "jugend", "schule", "grundschule", "schüler", "klasse", "unterricht", "ganztag", "betreuung",
        "kita", "krippe", "hort", "gruppe", "platz", "spiel", "spielplatz", "fläche", "hof", "schulhof", "sport",
        "halle", "sporthalle", "verein", "rasen", "kunstrasen", "anlage", "bad", "schwimm", "familie", "senior",
        "sozial", "hilfe", "pflege", "gesundheit", "integration", "wohnung", "wohnen", "miete", "quartier", "viertel",
        "kultur", "theater", "museum", "bibliothek", "musik", "kunst", "szene", "veranstaltung", "fest", "markt",
        // environment and building
        "klima", "energie", "strom", "wärme", "solar", "photovoltaik", "umwelt", "natur", "baum", "wald", "forst",
        "grün", "garten", "wasser", "abwasser", "müll", "abfall", "entsorgung", "reinigung", "luft", "emission",
        "fällung", "fäll", "pflanzung", "nachpflanzung", "biotop", "boden", "gelände", "grundstück", "gebiet",
        "bebauung", "bauleitplanung", "entwicklung", "nutzung", "versorgung", "öffnung", "zeit", "jahr", "beginn",
        "ende", "zukunft", "ausweitung", "erweiterung", "einrichtung", "angebot", "bedarf", "situation", "zustand",
        "innenstadt", "zentrum", "ort", "ortsteil", "region", "raum", "lebens", "qualität", "sicherung", "teilhabe",
    ];

    /// <summary>Lower-case parts, as the tokenizer emits them before folding and stemming. Read-only after construction.</summary>
    public static CharArraySet Dictionary { get; } = new CharArraySet(Lucene.Net.Util.LuceneVersion.LUCENE_48, Words, ignoreCase: true).AsReadOnly();
}
