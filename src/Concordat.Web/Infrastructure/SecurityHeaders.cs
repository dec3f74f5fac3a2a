using Microsoft.Extensions.Options;

namespace Concordat.Web.Infrastructure;

/// <summary>Security headers on every response. Pages run no inline script, so the policy forbids it.</summary>
public sealed class SecurityHeaders(RequestDelegate next, IOptions<SingleSignOnSettings> singleSignOn)
{
    // Browsers apply form-action to where a form's answer redirects too, so the single sign-on button's redirect to the
    // provider needs the provider's origin here.
    private readonly string _policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' https://assets.nhs.uk; " +
        $"connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'{ProviderOrigin(singleSignOn.Value)}; frame-ancestors 'none'";

    private static string ProviderOrigin(SingleSignOnSettings settings) =>
        settings.Configured && Uri.TryCreate(settings.Authority, UriKind.Absolute, out var authority)
            ? " " + authority.GetLeftPart(UriPartial.Authority)
            : "";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = _policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next(context);
    }
}
