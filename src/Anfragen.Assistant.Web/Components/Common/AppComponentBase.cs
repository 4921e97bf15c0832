using Anfragen.Assistant.Review;
using Anfragen.Assistant.Web.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Anfragen.Assistant.Web.Components.Common;

/// <summary>Base of the pages: resolves the signed-in <see cref="Actor"/> through the same <see cref="ActorFactory"/> the API uses.</summary>
public abstract class AppComponentBase : ComponentBase
{
    private Actor? _actor;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private ActorFactory ActorFactory { get; set; } = default!;

    protected async Task<Actor> GetActorAsync()
    {
        if (_actor is not null)
        {
            return _actor;
        }

        var state = AuthenticationState is null ? null : await AuthenticationState;
        _actor = state is null ? null : await ActorFactory.CreateAsync(state.User);
        return _actor ?? throw new InvalidOperationException("Seite ohne angemeldeten Benutzer aufgerufen.");
    }
}
