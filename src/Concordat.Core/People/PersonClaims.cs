using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Concordat.Core.People;

/// <summary>
/// Puts the person's name in the sign-in cookie, so pages outside any system (a system you are not a member of, the
/// error pages) greet them by name rather than by their email address; and marks the session of someone who must use
/// two-step verification but has not set it up, so that every page sends them to set it up first.
/// </summary>
public sealed class PersonClaims(UserManager<Person> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options,
    TwoStepVerification twoStep)
    : UserClaimsPrincipalFactory<Person, IdentityRole<Guid>>(users, roles, options)
{
    public const string DisplayName = "concordat:display_name";
    public const string TwoStepSetupNeeded = "concordat:two_step_setup_needed";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Person user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        // A role change gives the person a new security stamp and so a new session, where this is worked out again.
        if (!user.TwoFactorEnabled && await twoStep.IsRequiredAsync(user, CancellationToken.None))
        {
            identity.AddClaim(new Claim(TwoStepSetupNeeded, "true"));
        }
        return identity;
    }
}
