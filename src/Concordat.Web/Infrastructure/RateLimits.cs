using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;

namespace Concordat.Web.Infrastructure;

public static class RateLimits
{
    public const string SignIn = "sign-in";

    /// <summary>
    /// Sign-in attempts per client address per minute, and per account per minute (<see cref="SignInAccountLimit"/>),
    /// on top of Identity's per-account lockout: lockout stops guessing one password, the address limit slows spraying
    /// one password across many accounts, and the account limit slows many addresses working on one account.
    /// </summary>
    public static void AddConcordatRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("RateLimits:SignInPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignIn, context => HttpMethods.IsGet(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        services.AddSingleton(new SignInAccountLimit(configuration.GetValue("RateLimits:SignInPerAccountPerMinute", 10)));
    }

    /// <summary>
    /// The client address is the connection's, unless the connection comes from a proxy named in
    /// <c>ReverseProxy:KnownProxies</c> (addresses) or <c>ReverseProxy:KnownNetworks</c> (CIDR ranges): only then is
    /// its X-Forwarded-For believed. None are trusted by default (not even loopback), so a client cannot choose the
    /// address its sign-in attempts are counted against.
    /// </summary>
    public static void AddConcordatForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("ReverseProxy:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }
}

/// <summary>
/// Sign-in attempts per account (the normalised email address typed) per minute, whichever address they come from.
/// It counts attempts for addresses that have no account too, so hitting it says nothing about whether one exists.
/// </summary>
public sealed class SignInAccountLimit(int perMinute) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(email =>
        RateLimitPartition.GetFixedWindowLimiter(email,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    public bool TryAcquire(string email)
    {
        using var lease = _limiter.AttemptAcquire(email.Trim().ToUpperInvariant());
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
