using System.Security.Claims;
using System.Text.Encodings.Web;
using Concordat.Core.Data;
using Concordat.Core.Tokens;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Concordat.Web.Infrastructure;

public static class Authentication
{
    public const string ApiTokenScheme = "ApiToken";
    public const string ApiPolicy = "Api";

    public static void AddConcordatAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var httpsCookies = configuration.GetValue("Security:RequireHttpsCookies", true);
        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
            {
                o.Cookie.Name = "concordat-session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = httpsCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/sign-in";
                o.LogoutPath = "/sign-out";
                o.AccessDeniedPath = "/status/403";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = Sessions.ValidateAsync;
            }));
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenScheme, null);
        services.AddConcordatSingleSignOn(configuration);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, p => p.AddAuthenticationSchemes(ApiTokenScheme).RequireAuthenticatedUser());
    }

    public static Guid PersonId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No one is signed in."));
}

/// <summary>
/// <c>Authorization: Bearer cc_…</c> with a personal access token. The API accepts nothing else: cookies are
/// ignored there, so a page's session can never be used for a cross-site API call.
/// </summary>
public sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, TokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer <token>'.");
        }
        var personId = await tokens.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (personId is null)
        {
            return AuthenticateResult.Fail("The token is not valid: it may be wrong, revoked or expired.");
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, personId.Value.ToString())], Authentication.ApiTokenScheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Authentication.ApiTokenScheme));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(
            title: "Authentication required",
            detail: result.Failure?.Message ?? "Send a personal access token as 'Authorization: Bearer <token>'. Create one on your account page.",
            statusCode: StatusCodes.Status401Unauthorized,
            extensions: new Dictionary<string, object?> { ["errorCode"] = "unauthenticated" }).ExecuteAsync(Context);
    }
}

/// <summary>
/// A session lasts only while the security stamp it was issued with is still the person's. Signing out, changing
/// password or role, a reset, deactivation and an administrator ending sessions all give the person a new stamp,
/// so every cookie issued before stops working at its next request, on whichever node serves it.
/// </summary>
public static class Sessions
{
    /// <summary>
    /// Checked on every request (Identity's own validator checks every 30 minutes by default, and when it does, rebuilds
    /// the principal and reissues the cookie); this costs one read of two columns by primary key.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = context.Principal?.FindFirstValue(stampClaim);
        var current = Guid.TryParse(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var personId) && stamp is not null
            ? await services.GetRequiredService<ConcordatDb>().Users.AsNoTracking()
                .Where(p => p.Id == personId && p.DeactivatedAtUtc == null).Select(p => p.SecurityStamp)
                .SingleOrDefaultAsync(context.HttpContext.RequestAborted)
            : null;
        if (current is null || !string.Equals(current, stamp, StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
