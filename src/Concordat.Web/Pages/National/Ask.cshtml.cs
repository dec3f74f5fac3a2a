using Concordat.Core.Access;
using Concordat.Core.Asks;
using Concordat.Core.National;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.National;

/// <summary>
/// One ask addressed to the partner's body, as its system submitted it, with the exchange so far and, when it is the
/// body's move, the body's response. Whether the person is a national partner of the body addressed is checked again
/// on every request: an ask of another body, or one not yet submitted, is not found.
/// </summary>
public sealed class NationalAskModel(NationalBodyService bodies, NationalInbox inbox, ThemeService themes) : PageModel
{
    public sealed class ResponseForm
    {
        public AskIterationKind? Kind { get; set; }
        public string? Text { get; set; }
        public string? Conditions { get; set; }
    }

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public ResponseForm Input { get; set; } = new();

    /// <summary>The ask's version when the page was read: a response made against an older one is refused.</summary>
    [BindProperty]
    public Guid Version { get; set; }

    public NationalPartnerView Me { get; private set; } = null!;
    public InboxAsk Found { get; private set; } = null!;
    public EditConflictView? Conflict { get; private set; }

    /// <summary>The body's themes this ask is linked to.</summary>
    public IReadOnlyList<(Guid Id, string Title)> Themes { get; private set; } = [];

    /// <summary>The body responds only when the ask waits on it: after a proposal, a reply or its own acceptance for discussion.</summary>
    public bool CanRespond => Found.Exchange.Clock.WaitingOn == AskSide.National;

    /// <summary>The responses open now, each as the body would say it; accepting for discussion only while the ask is newly submitted.</summary>
    public IEnumerable<SelectListItem> KindOptions =>
        new (AskIterationKind Kind, string Words)[]
        {
            (AskIterationKind.AcceptedForDiscussion, "Accept for discussion"),
            (AskIterationKind.Question, "Ask the system a question"),
            (AskIterationKind.Agreed, "Agree"),
            (AskIterationKind.PartlyAgreed, "Partly agree, with conditions"),
            (AskIterationKind.Declined, "Decline"),
        }
        .Where(o => o.Kind != AskIterationKind.AcceptedForDiscussion || Found.Ask.Status == AskStatus.Submitted)
        .Select(o => new SelectListItem(o.Words, o.Kind.ToString(), o.Kind == Input.Kind));

    public string KindHint => (Found.Ask.Status == AskStatus.Submitted
            ? "Accepting for discussion tells the system you are working on it: the ask stays with your body and its wait goes on counting. "
            : "")
        + "A question hands the ask back to the system until it replies; a decision closes the exchange unless the system revises its proposal.";

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Version = Found.Ask.Version;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var partner = await PartnerAsync(ct);
        // An unreadable choice (a tampered form) arrives as no choice, which the service names.
        ModelState.Clear();
        try
        {
            await inbox.RespondAsync(partner, Id, new NationalResponse(Input.Kind, Input.Text, Input.Conditions), Version, ct);
            this.Succeeded(Input.Kind switch
            {
                AskIterationKind.AcceptedForDiscussion => "Ask accepted for discussion",
                AskIterationKind.Question => "Your question is sent to the system",
                _ => "Your body's decision is recorded",
            });
            return Redirect($"/national/asks/{Id}");
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(ct);
            if (!CanRespond)
            {
                // The form is not shown when it is not the body's move, so the reason stands above the page on its own.
                foreach (var message in e.Errors.SelectMany(f => f.Value))
                {
                    ModelState.AddModelError("", message);
                }
                return this.InvalidInput();
            }
            return this.InvalidInput(e);
        }
        catch (EditConflictException e)
        {
            await LoadAsync(ct);
            Version = Found.Ask.Version;
            Conflict = this.ShowEditConflict(e, "Your response has not been sent.");
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Me = await PartnerAsync(ct);
        Found = await inbox.GetAsync(Me, Id, ct);
        Themes = await themes.ThemesOfAskAsync(Me, Id, ct);
    }

    private async Task<NationalPartnerView> PartnerAsync(CancellationToken ct) =>
        await bodies.PartnerOfAsync(User.PersonId(), ct) ?? throw new NotFoundException("You are not a national partner.");
}
