using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Drafting;
using Anfragen.Assistant.Inquiries;

namespace Anfragen.Assistant.Review;

/// <summary>Inquiries and approved answers of our own (Stadt Lindenau) for the export tests.</summary>
internal static class Letters
{
    public static readonly Citation Prior = new("[1]", "24-11001-01", "24-11001-01#1", "Beleuchtung am Ringgleis", "Zu Frage 1: Die Beleuchtung wird 2026 ergänzt.");
    public static readonly Citation Paper = new("[2]", "mitteilung-beleuchtungskonzept", "mitteilung-beleuchtungskonzept#0", "Beleuchtungskonzept Innenstadt", "…");

    public static InquiryRecord Record(Visibility visibility = Visibility.Public, string? drucksache = "26-14005") => new()
    {
        Id = "20260415-1a2b3c4d",
        Inquiry = new Inquiry
        {
            Id = drucksache,
            Subject = "Beleuchtung und Winterdienst am Ringgleis",
            Date = new DateOnly(2026, 4, 15),
            Committee = "Mobilitätsausschuss",
            SessionDate = new DateOnly(2026, 4, 30),
            References = ["25-26577", "26-14005"],
            Questions =
            [
                new InquiryQuestion(1, "Wann wird die Beleuchtung des Ringgleises ergänzt?"),
                new InquiryQuestion(2, "Wie wird der Winterdienst auf den Radwegen organisiert?"),
            ],
        },
        Visibility = visibility,
        SourceName = "test",
        CreatedBy = "sachbearbeitung",
        CreatedAt = new DateTimeOffset(2026, 4, 16, 8, 0, 0, TimeSpan.Zero),
    };

    public static AnswerRecord Answer(int number, string text, params Citation[] citations) => new()
    {
        InquiryId = "20260415-1a2b3c4d",
        Number = number,
        Question = number == 1 ? "Wann wird die Beleuchtung des Ringgleises ergänzt?" : "Wie wird der Winterdienst auf den Radwegen organisiert?",
        Status = AnswerStatus.Approved,
        Text = text,
        Citations = citations,
        Version = 4,
        UpdatedAt = new DateTimeOffset(2026, 4, 22, 9, 0, 0, TimeSpan.Zero),
    };

    public static IReadOnlyList<AnswerRecord> Answers() =>
    [
        Answer(2, "Radwege an Hauptverkehrsstraßen werden zuerst geräumt [2].", Paper),
        Answer(1, "Zu Frage 1: Die Beleuchtung wird 2026 mit LED-Leuchten ergänzt [1].\n\nDie Kosten trägt der Haushalt.", Prior),
    ];
}
