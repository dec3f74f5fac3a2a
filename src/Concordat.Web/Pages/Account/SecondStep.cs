using System.Security.Claims;
using Concordat.Core.People;
using Microsoft.AspNetCore.Identity;

namespace Concordat.Web.Pages.Account;

public static class SecondStep
{
    /// <summary>
    /// The short-lived cookie that says whose password was right, read by Identity's two-factor sign-in; in the form
    /// Identity itself writes it (the person's id as the name claim), since our password step replaces Identity's.
    /// </summary>
    public static ClaimsPrincipal Pending(Person person) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, person.Id.ToString())], IdentityConstants.TwoFactorUserIdScheme));
}
