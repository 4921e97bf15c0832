using Anfragen.Assistant.Review;
using Anfragen.Assistant.Web.Auth;

namespace Anfragen.Assistant.Web.Endpoints;

internal static class HttpContextActorExtensions
{
    /// <summary>The signed-in actor; endpoints run behind RequireAuthorization, so a missing one is a server error.</summary>
    public static async Task<Actor> GetActorAsync(this HttpContext context)
    {
        var factory = context.RequestServices.GetRequiredService<ActorFactory>();
        return await factory.CreateAsync(context.User, context.RequestAborted).ConfigureAwait(false)
            ?? throw new InvalidOperationException("Authenticated request without a user name claim.");
    }
}
