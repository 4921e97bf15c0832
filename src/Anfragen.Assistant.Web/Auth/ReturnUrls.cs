namespace Anfragen.Assistant.Web.Auth;

/// <summary>
/// The one check for a return address after sign-in: only a path on this host. Browsers drop tabs and line breaks
/// from URLs and read a backslash as a slash, so <c>/\t/evil.example</c> or <c>/\evil.example</c> would leave the
/// site; anything that is not a plain local path falls back instead of being redirected to.
/// </summary>
public static class ReturnUrls
{
    private const int MaxLength = 2048;

    public static string LocalOrDefault(string? url, string fallback = "/")
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength || url[0] != '/')
        {
            return fallback;
        }

        if (url.Length > 1 && url[1] is '/' or '\\')
        {
            return fallback;
        }

        foreach (var c in url)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\')
            {
                return fallback;
            }
        }

        return url;
    }
}
