using System.Net;
using System.Text.RegularExpressions;

namespace Anfragen.Assistant.Web.Infrastructure;

/// <summary>Signs a demo user in the way a browser does: GET the sign-in page for its antiforgery token, POST the form.</summary>
internal static partial class SignIn
{
    public static async Task<HttpClient> ClientForAsync(AnfragenWebFactory factory, string userName)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await client.GetStringAsync("/anmelden", TestContext.Current.CancellationToken);
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, "Die Anmeldeseite enthält kein Antiforgery-Token.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["returnUrl"] = "/anfragen",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        });
        var response = await client.PostAsync("/konto/anmelden", form, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
