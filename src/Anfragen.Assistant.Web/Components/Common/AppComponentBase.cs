using Anfragen.Assistant.Review;
using Anfragen.Assistant.Web.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Anfragen.Assistant.Web.Components.Common;

/// <summary>
/// Base of the pages: resolves the signed-in <see cref="Actor"/> through the same <see cref="ActorFactory"/> the API uses.
/// Every call builds it anew, so an action (a click, a search, a chat question) runs with the clearance stored at that
/// moment: a circuit lives as long as the tab is open, and a clearance an administrator withdraws must hold from the next
/// click on, without a reload. Call it per action; never keep the result in a field for later actions.
/// </summary>
public abstract class AppComponentBase : ComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private ActorFactory ActorFactory { get; set; } = default!;

    protected async Task<Actor> GetActorAsync()
    {
        var state = AuthenticationState is null ? null : await AuthenticationState;
        var actor = state is null ? null : await ActorFactory.CreateAsync(state.User);
        return actor ?? throw new InvalidOperationException("Seite ohne angemeldeten Benutzer aufgerufen.");
    }
}
