using System.Security.Claims;
using Anfragen.Assistant.Review;
using Microsoft.Extensions.Options;

namespace Anfragen.Assistant.Web.Auth;

/// <summary>
/// The one place where a signed-in <see cref="ClaimsPrincipal"/> becomes an <see cref="Actor"/> (and from it the
/// retrieval <see cref="Retrieval.Principal"/>): user name, roles, and clearance — an administrator's entry in the
/// clearance table wins over the sign-in's clearance claim. Pages and endpoints both go through here.
/// </summary>
public sealed class ActorFactory(IOptions<AnfragenAuthenticationOptions> options, UserClearanceStore clearances)
{
    public async Task<Actor?> CreateAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var settings = options.Value;
        var userName = user.FindFirst(ClaimTypes.Name)?.Value ?? user.FindFirst(settings.NameClaim)?.Value ?? user.Identity.Name
            ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        if (string.IsNullOrWhiteSpace(userName))
        {
            return null;
        }

        var roles = new HashSet<StaffRole>();
        foreach (var claim in user.Claims.Where(c => c.Type == ClaimTypes.Role || c.Type == settings.RoleClaim))
        {
            if (Enum.TryParse<StaffRole>(claim.Value, ignoreCase: true, out var role) && Enum.IsDefined(role))
            {
                roles.Add(role);
            }
        }

        var claimed = user.Claims.Any(c => (c.Type == AnfragenClaims.Clearance || c.Type == settings.ClearanceClaim)
            && settings.ClearanceClaimValues.Contains(c.Value, StringComparer.OrdinalIgnoreCase));
        var stored = await clearances.GetAsync(userName, cancellationToken).ConfigureAwait(false);
        var displayName = user.FindFirst(AnfragenClaims.DisplayName)?.Value ?? user.FindFirst("name")?.Value ?? userName;
        var department = user.FindFirst(AnfragenClaims.Department)?.Value ?? user.FindFirst(settings.DepartmentClaim)?.Value;
        return new Actor(userName, displayName, roles, stored?.ClearedForNonPublic ?? claimed) { Department = string.IsNullOrWhiteSpace(department) ? null : department.Trim() };
    }
}
