using Anfragen.Assistant.Configuration;
using Anfragen.Assistant.Drafting;
using Anfragen.Assistant.Evaluation;
using Anfragen.Assistant.Ingestion.OParl;
using Anfragen.Assistant.Inquiries;
using Anfragen.Assistant.Review;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Anfragen.Assistant;

public static class AssistantServiceCollectionExtensions
{
    /// <summary>Registers everything the web app and the CLI share. Each area adds its own services in its folder.</summary>
    public static IHostApplicationBuilder AddAnfragenAssistant(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<AssistantOptions>().BindConfiguration(AssistantOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<IndexOptions>().BindConfiguration(IndexOptions.SectionName).ValidateOnStart();
        builder.AddInquiryParsing();
        builder.AddKnowledgeBase();
        builder.AddOParl();
        builder.AddDrafting();
        builder.AddReview();
        builder.AddEvaluation();
        return builder;
    }
}
