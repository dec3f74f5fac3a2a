using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Concordat.Web.Pages;

[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    // A failed POST is re-executed as a POST, so the status page answers both.
    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode;
        var status = original ?? code;
        var detail = HttpContext.Items[DomainProblems.MessageKey] as string;
        (Heading, Message) = status switch
        {
            404 => ("Page not found", detail ?? "If you typed the web address, check it is correct. If you pasted it, check you copied the entire address."),
            403 => ("You cannot do this", detail ?? "Your role does not allow this action."),
            405 => ("This page cannot do that", "Go back and try again."),
            429 => ("Too many attempts", "You have tried too many times. Wait a minute, then try again."),
            400 => ("There is a problem with the request", detail ?? "Go back and try again."),
            _ => ("Sorry, there is a problem with the service", "Try again later."),
        };
        Response.StatusCode = status is >= 400 and < 600 ? status : StatusCodes.Status404NotFound;
    }
}
