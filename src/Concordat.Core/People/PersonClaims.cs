using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Concordat.Core.People;

/// <summary>
/// Puts the person's name in the sign-in cookie, so pages outside any system (a system you are not a member of, the
/// error pages) greet them by name rather than by their email address.
/// </summary>
public sealed class PersonClaims(UserManager<Person> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Person, IdentityRole<Guid>>(users, roles, options)
{
    public const string DisplayName = "concordat:display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Person user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        return identity;
    }
}
