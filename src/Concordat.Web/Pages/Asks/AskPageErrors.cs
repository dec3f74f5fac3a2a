using Concordat.Core.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Concordat.Web.Pages.Asks;

public static class AskPageErrors
{
    /// <summary>
    /// Like <see cref="PageModelExtensions.InvalidInput(PageModel, InputInvalidException, string)"/>, for a form that
    /// shows only some of the fields a service can refuse: an error about anything else (the round has closed, the ask
    /// has moved on) heads the error summary, rather than linking to a field the page does not have.
    /// </summary>
    public static PageResult InvalidInputOn(this PageModel page, InputInvalidException e, string prefix, params string[] fields)
    {
        foreach (var (field, messages) in e.Errors)
        {
            var key = fields.Contains(field) ? (string.IsNullOrEmpty(prefix) ? field : $"{prefix}.{field}") : "";
            if (page.ModelState[key]?.Errors.Count > 0 && key != "")
            {
                continue;
            }
            foreach (var message in messages)
            {
                page.ModelState.AddModelError(key, message);
            }
        }
        page.Response.StatusCode = StatusCodes.Status400BadRequest;
        return page.Page();
    }
}
