using Anfragen.Assistant.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Anfragen.Assistant.Inquiries;

public static class InquiryServiceCollectionExtensions
{
    /// <summary>Registers the document text reader and the inquiry parser (both stateless singletons).</summary>
    public static IHostApplicationBuilder AddInquiryParsing(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<DocumentTextReader>();
        builder.Services.AddSingleton<InquiryParser>();
        return builder;
    }
}
