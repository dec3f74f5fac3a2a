using Concordat.Core.Access;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Concordat.Web.Pages;

public static class PageModelExtensions
{
    /// <summary>Copies a service's field errors into ModelState under the form's prefix and answers 400.</summary>
    public static PageResult InvalidInput(this PageModel page, InputInvalidException e, string prefix = "Input")
    {
        page.ModelState.AddInputErrors(e, prefix);
        page.Response.StatusCode = StatusCodes.Status400BadRequest;
        return page.Page();
    }

    /// <summary>Answers 400 with the errors already in ModelState (for example from model binding).</summary>
    public static PageResult InvalidInput(this PageModel page)
    {
        page.Response.StatusCode = StatusCodes.Status400BadRequest;
        return page.Page();
    }

    public static void AddInputErrors(this ModelStateDictionary modelState, InputInvalidException e, string prefix)
    {
        foreach (var (field, messages) in e.Errors)
        {
            var key = string.IsNullOrEmpty(prefix) ? field : $"{prefix}.{field}";
            // A field the page already rejected (say, a date it could not read) keeps that more precise message.
            if (modelState[key]?.Errors.Count > 0)
            {
                continue;
            }
            foreach (var message in messages)
            {
                modelState.AddModelError(key, message);
            }
        }
    }

    public static void Succeeded(this PageModel page, string message) => page.TempData["Success"] = message;
}

/// <summary>A page inside one system: the tenancy middleware has checked membership and provides the actor.</summary>
public abstract class SystemPageModel : PageModel
{
    [FromRoute]
    public Guid SystemId { get; set; }

    public Actor Actor => HttpContext.Actor();

    public string SystemHome => $"/systems/{SystemId}";
}
