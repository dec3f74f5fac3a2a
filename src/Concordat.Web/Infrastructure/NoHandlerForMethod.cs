using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Concordat.Web.Infrastructure;

/// <summary>
/// A page asked with a method it has no handler for (a form POSTed to a page that only shows) answers 405 with the
/// methods it does have. Razor Pages would otherwise render the page without running any handler, so nothing it
/// shows would have been loaded.
/// </summary>
public sealed class NoHandlerForMethod : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is not null)
        {
            return next();
        }
        var methods = context.ActionDescriptor.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).ToHashSet();
        if (methods.Contains("GET"))
        {
            methods.Add("HEAD");
        }
        var method = context.HttpContext.Request.Method;
        // A page with no handlers at all just renders, and so answers GET and HEAD.
        if (methods.Count == 0 && (HttpMethods.IsGet(method) || HttpMethods.IsHead(method)))
        {
            return next();
        }
        context.HttpContext.Response.Headers.Allow = string.Join(", ", methods.Count == 0 ? ["GET", "HEAD"] : methods.Order());
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
        return Task.CompletedTask;
    }
}
