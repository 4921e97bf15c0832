using Anfragen.Assistant.Review.Export;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Review;

public static class ReviewServiceCollectionExtensions
{
    /// <summary>App state (inquiries, answers, versions, audit, clearance, chat history), the review workflow and the export.</summary>
    public static IHostApplicationBuilder AddReview(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ReviewOptions>().BindConfiguration(ReviewOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ExportOptions>, ExportOptionsValidator>());
        builder.Services.AddSingleton<AppStateDatabase>();
        builder.Services.AddSingleton<InquiryStore>();
        builder.Services.AddSingleton<AnswerStore>();
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton<DocumentVersionLog>();
        builder.Services.AddSingleton<Ingestion.IDocumentVersionLog>(sp => sp.GetRequiredService<DocumentVersionLog>());
        builder.Services.AddSingleton<AuditDescriber>();
        builder.Services.AddSingleton<UserClearanceStore>();
        builder.Services.AddSingleton<ChatHistoryStore>();
        builder.Services.AddSingleton<ChatConversation>();
        builder.Services.AddSingleton<StellungnahmeArchiver>();
        builder.Services.AddSingleton<StellungnahmeExport>();
        builder.Services.AddSingleton<ReviewService>();
        builder.Services.AddSingleton<ArchiveAccess>();
        return builder;
    }
}
