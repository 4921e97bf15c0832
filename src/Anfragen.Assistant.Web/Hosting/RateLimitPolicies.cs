namespace Anfragen.Assistant.Web.Hosting;

/// <summary>
/// Rate-limiter policy names: the costly endpoints (drafting and chat may call a language model, uploads fill the disk
/// and the ingestion queue) per user, sign-in per client address.
/// </summary>
public static class RateLimitPolicies
{
    public const string Drafting = "drafting";
    public const string Chat = "chat";
    public const string SignIn = "sign-in";
    public const string Upload = "upload";
}
