using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Concordat.Web.Infrastructure;

/// <summary>
/// The <c>Authentication:Oidc</c> section: one OpenID Connect provider (Microsoft Entra ID, NHS CIS2 or another) that
/// people may sign in with instead of a password. Without the section, or without an authority, there is none.
/// </summary>
public sealed class SingleSignOnSettings
{
    public const string Section = "Authentication:Oidc";

    /// <summary>The provider's issuer; its discovery document is at <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>From user secrets or the environment (<c>Authentication__Oidc__ClientSecret</c>), never from a file in the repository.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The provider's name as people know it, on the button: "Sign in with {DisplayName}".</summary>
    public string DisplayName { get; set; } = "single sign-on";

    /// <summary>Scopes asked for besides <c>openid</c> and <c>email</c> (CIS2 wants its own, for example).</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>The id_token claim that holds the email address matched against accounts.</summary>
    public string EmailClaim { get; set; } = "email";

    /// <summary>
    /// When true (the default) the address is used only if <see cref="EmailVerifiedClaim"/> is <c>true</c> in the
    /// id_token. Turn it off only for a provider whose addresses are all its own (a single Entra tenant, with
    /// <see cref="EmailClaim"/> set to <c>preferred_username</c> or <c>upn</c>).
    /// </summary>
    public bool RequireVerifiedEmail { get; set; } = true;

    /// <summary>The claim saying the provider verified the address (Entra's optional claim is <c>xms_edov</c>).</summary>
    public string EmailVerifiedClaim { get; set; } = "email_verified";

    /// <summary>
    /// <c>amr</c> values that mean the provider itself asked for a second factor, which then stands in for Concordat's
    /// own two-step verification.
    /// </summary>
    public List<string> MultiFactorMethods { get; set; } = ["mfa"];

    public bool Configured => !string.IsNullOrWhiteSpace(Authority);
}

public static class SingleSignOn
{
    public const string Scheme = "oidc";

    /// <summary>Where the provider's answer lands once the OpenID Connect handler has checked it.</summary>
    public const string CallbackPage = "/sign-in/single-sign-on";

    public static void AddConcordatSingleSignOn(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SingleSignOnSettings.Section);
        services.Configure<SingleSignOnSettings>(section);
        var settings = section.Get<SingleSignOnSettings>();
        if (settings is not { Configured: true })
        {
            return;
        }
        if (string.IsNullOrWhiteSpace(settings.ClientId))
        {
            throw new InvalidOperationException($"{SingleSignOnSettings.Section}:ClientId is required when {SingleSignOnSettings.Section}:Authority is set.");
        }
        services.AddAuthentication().AddOpenIdConnect(Scheme, settings.DisplayName, o =>
        {
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            // The provider's answer only passes through a short-lived cookie; the session itself is Identity's, made
            // from the person the address belongs to, so the security stamp, deactivation and roles apply as for a password.
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.ResponseMode = OpenIdConnectResponseMode.FormPost;
            o.UsePkce = true;
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.Scope.Clear();
            foreach (var scope in settings.Scopes.Prepend("email").Prepend("openid").Distinct(StringComparer.Ordinal))
            {
                o.Scope.Add(scope);
            }
            o.Events.OnRemoteFailure = context =>
            {
                // Cancelled at the provider, a stale or replayed answer, a token that does not check out: say so
                // on a page rather than with an error.
                context.Response.Redirect($"{CallbackPage}?failed=true");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }
}
