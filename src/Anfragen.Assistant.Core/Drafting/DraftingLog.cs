using Microsoft.Extensions.Logging;

namespace Anfragen.Assistant.Drafting;

/// <summary>Source-generated log messages of drafting and chat; event ids 6000–6099.</summary>
internal static partial class DraftingLog
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Warning, Message = "Model call failed with {Status}; attempt {Attempt} follows in {DelayMs} ms")]
    public static partial void RetryingModelCall(ILogger logger, string status, int attempt, double delayMs);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Passage {ChunkId} was returned by a search but is not allowed for {User}; dropped before prompting")]
    public static partial void PassageRejectedByFilter(ILogger logger, string chunkId, string user);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Drafted question {Number} ({Mode}) with {Passages} passages, {Citations} citations, {Invalid} invalid, {PromptTokens}+{CompletionTokens} tokens in {ElapsedMs} ms")]
    public static partial void QuestionDrafted(ILogger logger, int number, DraftMode mode, int passages, int citations, int invalid, int promptTokens, int completionTokens, long elapsedMs);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "ArchiveSearch call {Call} for '{Query}' added {Added} passages")]
    public static partial void ArchiveSearchCalled(ILogger logger, int call, string query, int added);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "The model asked for more than {Limit} ArchiveSearch calls; further calls were refused")]
    public static partial void ToolCallLimitReached(ILogger logger, int limit);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "Referenced paper {Reference} not found or not allowed; skipped")]
    public static partial void ReferenceNotFound(ILogger logger, string reference);
}
