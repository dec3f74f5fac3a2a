using Concordat.Core.Access;

namespace Concordat.Web.Infrastructure;

/// <summary>
/// Turns the domain's refusals into HTTP answers: problem details for the API, the status pages for pages.
/// Pages catch <see cref="InputInvalidException"/> themselves to re-render the form.
/// </summary>
public sealed class DomainProblems(RequestDelegate next)
{
    public const string MessageKey = "concordat.problem";

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && Problem.For(e) is { } problem)
        {
            if (ApiPaths.IsApi(context.Request.Path))
            {
                await problem.ToResult().ExecuteAsync(context);
            }
            else
            {
                context.Items[MessageKey] = e.Message;
                context.Response.StatusCode = problem.Status;
            }
        }
    }
}
