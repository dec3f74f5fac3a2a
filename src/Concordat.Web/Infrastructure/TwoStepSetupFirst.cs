using Concordat.Core.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Concordat.Web.Infrastructure;

/// <summary>
/// Someone who must use two-step verification and has not set it up (marked in their session by
/// <see cref="PersonClaims"/>) is sent to set it up from every page, except that one and signing out.
/// </summary>
public sealed class TwoStepSetupFirst : IAsyncPageFilter
{
    private const string SetupPage = "/account/two-step";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var path = http.Request.Path;
        if (!http.User.HasClaim(c => c.Type == PersonClaims.TwoStepSetupNeeded)
            || path.StartsWithSegments(SetupPage, StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/sign-out", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/status", StringComparison.OrdinalIgnoreCase))
        {
            return next();
        }
        context.Result = new RedirectResult(SetupPage);
        return Task.CompletedTask;
    }
}
