using System.ComponentModel;
using Anfragen.Assistant.Retrieval;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace Anfragen.Assistant.Drafting;

/// <summary>
/// The model's only tool: a read-only follow-up search of the archive, bound to one request's caller (their filter,
/// hence their clearance) and to its passage list, so new hits get the next numbers and can be cited like the first ones.
/// No function here changes anything.
/// </summary>
internal sealed class ArchiveSearchPlugin(PassageCollector collector, PassageSet passages, Principal principal, SearchFilter filter, ILogger logger)
{
    public const string PluginName = "ArchiveSearch";

    private int _calls;

    [KernelFunction("Search")]
    [Description("Durchsucht das Archiv der Ratsdokumente (Anfragen, Stellungnahmen, Mitteilungen, Anträge, Vorlagen) nach weiteren Quellen. Gibt neue nummerierte Quellen zurück, die mit [n] zitiert werden dürfen.")]
    public async Task<string> SearchAsync(
        [Description("Suchanfrage auf Deutsch mit den wichtigsten Fachbegriffen, z. B. 'Radverkehr Ringgleis Beleuchtung'")] string query,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return "Leere Suchanfrage; bitte Suchbegriffe angeben.";
        }

        var added = await collector.SearchMoreAsync(passages, query, principal, filter, cancellationToken).ConfigureAwait(false);
        var call = Interlocked.Increment(ref _calls);
        DraftingLog.ArchiveSearchCalled(logger, call, query, added.Count);
        return added.Count == 0
            ? "Keine weiteren Quellen gefunden."
            : PassageSet.Format(added);
    }
}
