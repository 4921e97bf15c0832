using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Anfragen.Assistant.Evaluation;

public static class EvaluationServiceCollectionExtensions
{
    /// <summary>The measurements behind <c>anfragen eval</c> and <c>anfragen bench</c>.</summary>
    public static IHostApplicationBuilder AddEvaluation(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<RetrievalEvaluation>();
        builder.Services.TryAddSingleton<Benchmark>();
        return builder;
    }
}
