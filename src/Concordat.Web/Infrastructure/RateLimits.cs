using System.Threading.RateLimiting;

namespace Concordat.Web.Infrastructure;

public static class RateLimits
{
    public const string SignIn = "sign-in";

    /// <summary>
    /// Sign-in attempts per client address per minute, on top of Identity's per-account lockout: lockout stops
    /// guessing one password, this slows spraying one password across many accounts.
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
    }
}
