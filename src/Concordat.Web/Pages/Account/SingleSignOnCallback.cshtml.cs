using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Concordat.Web.Pages.Account;

/// <summary>
/// Where the single sign-on provider's answer, once checked by the OpenID Connect handler and held in the external
/// cookie, becomes a session, a second step, or a page saying why not.
/// </summary>
[AllowAnonymous]
public sealed class SingleSignOnCallbackModel(SingleSignOnSignIn singleSignOn, IOptions<SingleSignOnSettings> options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Failed { get; set; }

    public string Provider => options.Value.DisplayName;

    public SingleSignOnOutcome? Outcome { get; private set; }

    public string? Email { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!options.Value.Configured)
        {
            return NotFound();
        }
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded)
        {
            if (!Failed)
            {
                return Redirect("/sign-in");
            }
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        // Used once: whatever the answer, the provider's identity is not kept beyond this request.
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        Email = singleSignOn.Email(external.Principal);
        Outcome = await singleSignOn.SignInAsync(external.Principal, ct);
        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;
        switch (Outcome)
        {
            case SingleSignOnOutcome.SignedIn:
                return LocalRedirect(returnUrl ?? "/systems");
            case SingleSignOnOutcome.SecondStepNeeded:
                return Redirect($"/sign-in/code{(returnUrl is null ? "" : $"?returnUrl={Uri.EscapeDataString(returnUrl)}")}");
        }
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
