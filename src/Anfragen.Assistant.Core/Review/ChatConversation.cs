using System.Runtime.CompilerServices;
using Anfragen.Assistant.Documents;
using Anfragen.Assistant.Drafting;

namespace Anfragen.Assistant.Review;

/// <summary>
/// One chat turn for page and API alike: loads the user's history as the user may see it now, streams the answer from
/// <see cref="ChatService"/> with the user's clearance, stores question and answer with the visibility of what went into
/// them, and audits nichtöffentlich sources shown. A withheld message never goes back into a prompt.
/// </summary>
public sealed class ChatConversation(ChatService chat, ChatHistoryStore history, ArchiveAccess archive)
{
    /// <summary>How many earlier messages go back to the model with a new question.</summary>
    public const int HistoryTurns = 10;

    /// <summary>The actor's conversation, oldest first, as the actor may see it now (see <see cref="ArchiveAccess.VisibleToAsync"/>).</summary>
    public async Task<IReadOnlyList<ChatMessageRecord>> GetHistoryAsync(Actor actor, int take = 200, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var stored = await history.GetAsync(actor.UserName, take, cancellationToken).ConfigureAwait(false);
        return await archive.VisibleToAsync(actor, stored, cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<ChatUpdate> AskAsync(Actor actor, string question, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        var earlier = await GetHistoryAsync(actor, HistoryTurns, cancellationToken).ConfigureAwait(false);
        var turns = earlier.Where(m => !m.Withheld).Select(m => new ChatTurn(m.Role, m.Text, m.Visibility)).ToList();

        // The question is asked in the context of the turns sent with it: it is as confidential as they are.
        await history.AppendAsync(actor.UserName, ChatRole.User, question.Trim(), [], VisibilityCodes.MostRestrictive(turns.Select(t => t.Visibility)), cancellationToken).ConfigureAwait(false);

        ChatAnswer? final = null;
        await foreach (var update in chat.AskStreamingAsync(turns, question.Trim(), actor.ToPrincipal(), cancellationToken).ConfigureAwait(false))
        {
            if (update.IsFinal && update.Answer is not null)
            {
                final = update.Answer;
                await history.AppendAsync(actor.UserName, ChatRole.Assistant, final.Text, final.Citations, final.Visibility, cancellationToken).ConfigureAwait(false);
                await archive.AuditCitedAsync(actor, final.Citations.Select(c => c.DocumentId), "Chat", cancellationToken).ConfigureAwait(false);
            }

            yield return update;
        }
    }
}
