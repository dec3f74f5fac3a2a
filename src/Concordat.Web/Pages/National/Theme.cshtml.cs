using Concordat.Core.Access;
using Concordat.Core.Asks;
using Concordat.Core.National;
using Concordat.Core.Words;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.National;

/// <summary>
/// One of the body's themes: every system's ask behind it, how their outcomes stand, linking and unlinking asks, and one
/// response to every system behind it, which reaches each ask waiting on the body as that ask's own iteration. Whether the
/// person is a partner of the theme's body is checked again on every request: another body's theme is not found.
/// </summary>
public sealed class NationalThemeModel(NationalBodyService bodies, ThemeService themes, NationalInbox inbox) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public NationalAskModel.ResponseForm Input { get; set; } = new();

    [BindProperty]
    public Guid? AskId { get; set; }

    public NationalPartnerView Me { get; private set; } = null!;
    public ThemeDetail Found { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> LinkableAsks { get; private set; } = [];

    /// <summary>What the last response to the theme reached, carried over the redirect: the asks answered and those not.</summary>
    public IReadOnlyList<string> Answered { get; private set; } = [];
    public IReadOnlyList<string> NotAnswered { get; private set; } = [];

    /// <summary>The theme takes a response while any ask behind it waits on the body; each ask is judged again when it is sent.</summary>
    public bool CanRespond => Found.Asks.Any(a => a.Clock.WaitingOn == AskSide.National);

    /// <summary>Accepting for discussion is offered while any ask behind the theme is newly submitted; the others as on one ask.</summary>
    public IEnumerable<SelectListItem> KindOptions =>
        new (AskIterationKind Kind, string Words)[]
        {
            (AskIterationKind.AcceptedForDiscussion, "Accept for discussion"),
            (AskIterationKind.Question, "Ask the systems a question"),
            (AskIterationKind.Agreed, "Agree"),
            (AskIterationKind.PartlyAgreed, "Partly agree, with conditions"),
            (AskIterationKind.Declined, "Decline"),
        }
        .Where(o => o.Kind != AskIterationKind.AcceptedForDiscussion || Found.Asks.Any(a => a.Status == AskStatus.Submitted))
        .Select(o => new SelectListItem(o.Words, o.Kind.ToString(), o.Kind == Input.Kind));

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Answered = TempData["ThemeAnswered"] as string[] ?? [];
        NotAnswered = TempData["ThemeNotAnswered"] as string[] ?? [];
    }

    public async Task<IActionResult> OnPostRespondAsync(CancellationToken ct)
    {
        var partner = await PartnerAsync(ct);
        // An unreadable choice (a tampered form) arrives as no choice, which the service names.
        ModelState.Clear();
        try
        {
            var result = await themes.RespondAsync(partner, Id, new NationalResponse(Input.Kind, Input.Text, Input.Conditions), ct);
            TempData["ThemeAnswered"] = result.Answered.ToArray();
            TempData["ThemeNotAnswered"] = result.NotAnswered.ToArray();
            this.Succeeded($"Your response reached {Prose.Count(result.Answered.Count, "ask")}");
            return Redirect($"/national/themes/{Id}#theme-response-result");
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(ct);
            if (!CanRespond)
            {
                // The form is not shown when no ask waits on the body, so the reason stands above the page on its own.
                foreach (var message in e.Errors.SelectMany(f => f.Value))
                {
                    ModelState.AddModelError("", message);
                }
                return this.InvalidInput();
            }
            return this.InvalidInput(e);
        }
    }

    public async Task<IActionResult> OnPostLinkAsync(CancellationToken ct)
    {
        var partner = await PartnerAsync(ct);
        ModelState.Clear();
        try
        {
            await themes.LinkAsync(partner, Id, AskId, ct);
            this.Succeeded("Ask linked to the theme");
            return Redirect($"/national/themes/{Id}");
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(ct);
            return this.InvalidInput(e, "");
        }
    }

    public async Task<IActionResult> OnPostUnlinkAsync(CancellationToken ct)
    {
        var partner = await PartnerAsync(ct);
        if (AskId is not { } askId)
        {
            throw new NotFoundException("That ask is not linked to the theme.");
        }
        await themes.UnlinkAsync(partner, Id, askId, ct);
        this.Succeeded("Ask unlinked from the theme");
        return Redirect($"/national/themes/{Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Me = await PartnerAsync(ct);
        Found = await themes.GetAsync(Me, Id, ct);
        var linked = Found.Asks.Select(a => a.Id).ToHashSet();
        LinkableAsks = [new("Select an ask", "", AskId is null),
            .. (await inbox.ListAsync(Me, new InboxFilter(), ct)).Where(a => !linked.Contains(a.Id))
                .OrderBy(a => a.System, StringComparer.Ordinal).ThenBy(a => a.Title, StringComparer.Ordinal)
                .Select(a => new SelectListItem($"{a.System}: {a.Title}", a.Id.ToString(), a.Id == AskId))];
    }

    private async Task<NationalPartnerView> PartnerAsync(CancellationToken ct) =>
        await bodies.PartnerOfAsync(User.PersonId(), ct) ?? throw new NotFoundException("You are not a national partner.");
}
