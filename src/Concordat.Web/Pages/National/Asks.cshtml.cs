using Concordat.Core.Access;
using Concordat.Core.Asks;
using Concordat.Core.National;
using Concordat.Web.Api;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.National;

/// <summary>
/// A national partner's inbox: the asks systems have submitted to their body, those waiting on the body first, oldest
/// wait first, narrowed by kind of change, system and status. The CSV is the API's table, served here too because the
/// API answers only tokens and a partner reading the page has a session.
/// </summary>
public sealed class NationalAsksModel(NationalBodyService bodies, NationalInbox inbox) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public AskCategory? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? SystemId { get; set; }

    [BindProperty(SupportsGet = true)]
    public AskStatus? Status { get; set; }

    public NationalPartnerView Me { get; private set; } = null!;
    public IReadOnlyList<InboxItem> Asks { get; private set; } = [];
    public IReadOnlyList<SelectListItem> CategoryOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> SystemOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> StatusOptions { get; private set; } = [];
    public bool IsFiltered => Category is not null || SystemId is not null || Status is not null;

    /// <summary>The filters as a query string, for the download link: the same asks, in the same order.</summary>
    public string FilterQuery => string.Join("&", new[]
        {
            Category is { } c ? $"category={c}" : null,
            SystemId is { } s ? $"systemId={s}" : null,
            Status is { } st ? $"status={st}" : null,
        }.OfType<string>());

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return CsvDownload.File("national-asks.csv", NationalAsksApi.ToTable(Asks));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Me = await bodies.PartnerOfAsync(User.PersonId(), ct) ?? throw new NotFoundException("You are not a national partner.");
        Asks = await inbox.ListAsync(Me, new InboxFilter(Category, SystemId, Status), ct);
        CategoryOptions = [new("Any kind", "", Category is null),
            .. Enum.GetValues<AskCategory>().Select(c => new SelectListItem(c.InWords(), c.ToString(), c == Category))];
        SystemOptions = [new("Any system", "", SystemId is null),
            .. (await inbox.SystemsAsync(Me, ct)).Select(s => new SelectListItem(s.Name, s.Id.ToString(), s.Id == SystemId))];
        // Only the statuses a body ever sees: a draft or an ask agreed locally but not submitted is the system's alone.
        StatusOptions = [new("Any status", "", Status is null),
            .. Enum.GetValues<AskStatus>().Where(s => s.IsSubmitted()).Select(s => new SelectListItem(s.InWords(), s.ToString(), s == Status))];
    }
}
