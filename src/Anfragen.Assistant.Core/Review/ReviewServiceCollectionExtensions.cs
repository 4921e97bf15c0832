using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Anfragen.Assistant.Review;

public static class ReviewServiceCollectionExtensions
{
    /// <summary>App state (inquiries, answers, versions, audit, clearance, chat history) and the review workflow.</summary>
    public static IHostApplicationBuilder AddReview(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<AppStateDatabase>();
        builder.Services.AddSingleton<InquiryStore>();
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton<DocumentVersionLog>();
        builder.Services.AddSingleton<Ingestion.IDocumentVersionLog>(sp => sp.GetRequiredService<DocumentVersionLog>());
        builder.Services.AddSingleton<UserClearanceStore>();
        builder.Services.AddSingleton<ChatHistoryStore>();
        builder.Services.AddSingleton<StellungnahmeArchiver>();
        builder.Services.AddSingleton<ReviewService>();
        builder.Services.AddSingleton<ArchiveAccess>();
        return builder;
    }
}
