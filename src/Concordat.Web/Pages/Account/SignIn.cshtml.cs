using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Concordat.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInModel(PasswordSignIn passwords, SignInAccountLimit accountLimit, IOptions<SingleSignOnSettings> singleSignOn) : PageModel
{
    /// <summary>The provider people may sign in with instead, when one is configured.</summary>
    public SingleSignOnSettings? SingleSignOn => singleSignOn.Value.Configured ? singleSignOn.Value : null;

    public sealed class SignInInput
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    /// <summary>Off to the provider; its answer comes back to <see cref="Infrastructure.SingleSignOn.CallbackPage"/>.</summary>
    public IActionResult OnPostSingleSignOn()
    {
        if (SingleSignOn is null)
        {
            return NotFound();
        }
        var callback = Infrastructure.SingleSignOn.CallbackPage + (Url.IsLocalUrl(ReturnUrl) ? $"?returnUrl={Uri.EscapeDataString(ReturnUrl)}" : "");
        return Challenge(new AuthenticationProperties { RedirectUri = callback }, Infrastructure.SingleSignOn.Scheme);
    }

    public const string FailureMessage = "Enter a correct email address and password. After 5 wrong attempts an account is locked for 15 minutes";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Email", "Enter your email address");
        }
        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Enter your password");
        }
        if (!ModelState.IsValid)
        {
            return this.InvalidInput();
        }
        var email = Input.Email!.Trim();
        if (!accountLimit.TryAcquire(email))
        {
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }
        switch (await passwords.SignInAsync(email, Input.Password!, ct))
        {
            case SignInOutcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/systems");
            case SignInOutcome.SecondStepNeeded:
                return Redirect($"/sign-in/code{(Url.IsLocalUrl(ReturnUrl) ? $"?returnUrl={Uri.EscapeDataString(ReturnUrl)}" : "")}");
        }
        // One message for an unknown address, a wrong password, and a locked or deactivated account, so the form
        // cannot be used to find accounts.
        ModelState.AddModelError("Input.Email", FailureMessage);
        return this.InvalidInput();
    }
}
