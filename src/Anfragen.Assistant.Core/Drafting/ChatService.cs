using Anfragen.Assistant.Retrieval;

namespace Anfragen.Assistant.Drafting;

// STAND-IN (web branch) until the drafting branch is merged.
public sealed class ChatService
{
    public IAsyncEnumerable<ChatUpdate> AskStreamingAsync(IReadOnlyList<ChatTurn> history, string question, Principal principal, CancellationToken cancellationToken = default) => throw new NotSupportedException(history.Count + question + principal);
}
