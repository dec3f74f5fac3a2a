using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Concordat.Web.Tests.Infrastructure;

/// <summary>Who the provider says has just signed in with it.</summary>
public sealed record ProviderIdentity(string Email, bool EmailVerified, params string[] Amr);

/// <summary>
/// A small OpenID Connect provider for the tests, as the app meets a real one: a discovery document, a key set with an
/// RSA key made for this run, an authorize endpoint that "signs in" <see cref="SignedIn"/> and posts a code back, and a
/// token endpoint that checks the client secret and the PKCE verifier and returns a signed id_token with the nonce it
/// was given. It runs on a test server: the app reaches it through its back channel handler, the test's browser
/// through <see cref="Browser"/>.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string Issuer = "https://provider.test";
    public const string ClientId = "concordat-tests";

    private sealed record Grant(ProviderIdentity Identity, string RedirectUri, string Nonce, string CodeChallenge);

    private static readonly Dictionary<string, object> Discovery = new()
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = $"{Issuer}/authorize",
        ["token_endpoint"] = $"{Issuer}/token",
        ["jwks_uri"] = $"{Issuer}/jwks",
        ["response_types_supported"] = new[] { "code" },
        ["response_modes_supported"] = new[] { "query", "form_post" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post" },
    };

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private readonly ConcurrentDictionary<string, Grant> _codes = new();
    private readonly WebApplication _app;

    /// <summary>A secret made for this run, given to the app as its configuration would.</summary>
    public string ClientSecret { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public ProviderIdentity SignedIn { get; set; } = new("nobody@test.concordat.example", true);

    public HttpClient Browser { get; private set; } = null!;

    /// <summary>id_tokens issued: a refused sign-in must still have got this far, or it proves nothing.</summary>
    public int TokensIssued => _tokensIssued;

    private int _tokensIssued;

    private TestOidcProvider()
    {
        _key = new RsaSecurityKey(_rsa) { KeyId = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)) };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(Discovery));
        _app.MapGet("/jwks", () =>
        {
            var parameters = _rsa.ExportParameters(includePrivateParameters: false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new { kty = "RSA", use = "sig", alg = SecurityAlgorithms.RsaSha256, kid = _key.KeyId,
                        n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
                },
            });
        });
        _app.MapGet("/authorize", Authorize);
        _app.MapPost("/token", TokenAsync);
    }

    public static async Task<TestOidcProvider> StartAsync()
    {
        var provider = new TestOidcProvider();
        await provider._app.StartAsync();
        provider.Browser = provider._app.GetTestClient();
        return provider;
    }

    /// <summary>The app's back channel to the provider: discovery, keys and the token request.</summary>
    public HttpMessageHandler BackchannelHandler() => _app.GetTestServer().CreateHandler();

    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        if (q["client_id"] != ClientId || q["response_type"] != "code" || q["code_challenge_method"] != "S256"
            || string.IsNullOrEmpty(q["code_challenge"]) || string.IsNullOrEmpty(q["nonce"]) || q["response_mode"] != "form_post")
        {
            return Results.BadRequest("Only the code flow with PKCE (S256), a nonce and form_post is served here.");
        }
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = new Grant(SignedIn, q["redirect_uri"]!, q["nonce"]!, q["code_challenge"]!);
        // form_post: the browser posts the code back to the app's callback.
        var html = $"""
            <!DOCTYPE html><html><body><form method="post" action="{WebUtility.HtmlEncode(q["redirect_uri"])}">
            <input type="hidden" name="code" value="{code}"><input type="hidden" name="state" value="{WebUtility.HtmlEncode(q["state"])}">
            </form></body></html>
            """;
        return Results.Content(html, "text/html");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var grant))
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        }
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret || form["redirect_uri"] != grant.RedirectUri || challenge != grant.CodeChallenge)
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: 400);
        }
        var now = DateTime.UtcNow;
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = $"subject-{grant.Identity.Email}",
                ["nonce"] = grant.Nonce,
                ["email"] = grant.Identity.Email,
                ["email_verified"] = grant.Identity.EmailVerified,
                ["amr"] = grant.Identity.Amr,
            },
        });
        Interlocked.Increment(ref _tokensIssued);
        return Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            ["token_type"] = "Bearer",
            ["expires_in"] = 300,
            ["id_token"] = idToken,
        });
    }

    public async ValueTask DisposeAsync()
    {
        Browser.Dispose();
        await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
