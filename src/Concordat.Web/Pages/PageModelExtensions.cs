using Concordat.Core.Access;
using Concordat.NhsUk;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Concordat.Web.Pages;

public static class PageModelExtensions
{
    /// <summary>The signed-in administrator, for pages outside any system; anyone else is refused before anything they sent is read.</summary>
    public static async Task<Concordat.Core.People.AccountActor> AdministratorAsync(this PageModel page, Concordat.Core.People.AccountService accounts, string action,
        CancellationToken ct)
    {
        var actor = await accounts.ActorAsync(page.User.PersonId(), ct);
        actor.RequireAdministrator(action);
        return actor;
    }

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

    /// <summary>
    /// Forgets what model binding said about the form, so that the page's service judges it, except about dates: the
    /// date input binder's errors are the precise ones ("Closing date must include a month"), and its entries hold
    /// what was typed in the boxes, to show again.
    /// </summary>
    public static void ClearExceptDates(this ModelStateDictionary modelState)
    {
        foreach (var key in modelState.Where(e => e.Value.RawValue is not DateInputValue).Select(e => e.Key).ToList())
        {
            modelState.Remove(key);
        }
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

    /// <summary>
    /// Someone else saved first: answers 409 with the form as the person left it, says nothing was saved, and
    /// returns what is saved now to show beside it. The page sets the version it now holds, so that saving again
    /// is a deliberate choice made against what is saved now.
    /// </summary>
    public static EditConflictView ShowEditConflict(this PageModel page, EditConflictException e, string notSaved = "Your changes have not been saved.")
    {
        page.ModelState.Remove("Version");
        page.ModelState.AddModelError("", $"{e.Message} {notSaved}");
        page.Response.StatusCode = StatusCodes.Status409Conflict;
        return new EditConflictView(e.Current);
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
