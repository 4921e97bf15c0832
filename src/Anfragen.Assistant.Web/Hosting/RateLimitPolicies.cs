namespace Anfragen.Assistant.Web.Hosting;

/// <summary>Rate-limiter policy names for the costly endpoints (each request may call a language model).</summary>
public static class RateLimitPolicies
{
    public const string Drafting = "drafting";
    public const string Chat = "chat";
}
