using Concordat.Core.History;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.History;

public sealed class ChangesModel(HistoryService history) : SystemPageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The changes in the period asked for; null while the period cannot be read, so no list stands beside the error.</summary>
    public HistoryPage? Feed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return this.InvalidInput();
        }
        if (From is { } f && To is { } t && f > t)
        {
            ModelState.AddModelError(nameof(To), "To must be the same as or after From");
            return this.InvalidInput();
        }
        Feed = await history.FeedAsync(From, To, PageNumber, ct);
        return Page();
    }
}
