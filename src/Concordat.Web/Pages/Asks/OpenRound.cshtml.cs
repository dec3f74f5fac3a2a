using System.ComponentModel.DataAnnotations;
using Concordat.Core.Access;
using Concordat.Core.Asks;
using Concordat.Core.Partnerships;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Asks;

/// <summary>The ask's owner puts the draft's words to the partners, by a closing date.</summary>
public sealed class OpenAskRoundModel(AskService asks, AskRoundService rounds, OrganisationService organisations) : SystemPageModel
{
    public sealed class RoundForm
    {
        [Display(Name = "Closing date")]
        public DateOnly? ClosesOn { get; set; }
        public List<Guid> RequiredOrganisationIds { get; set; } = [];
    }

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public RoundForm Input { get; set; } = new();

    public AskDetail Detail { get; private set; } = null!;
    public IReadOnlyList<OrganisationSummary> Partners { get; private set; } = [];

    public IEnumerable<SelectListItem> PartnerOptions => Partners.Select(o => new SelectListItem(o.Name, o.Id.ToString()));

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        // Every partner is ticked until the person chooses otherwise: an ask goes out in all the partners' names
        // unless some are left out on purpose (none ticked asks them all too).
        Input.RequiredOrganisationIds = [.. Partners.Select(o => o.Id)];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.ClearExceptDates();
        try
        {
            await rounds.OpenAsync(Id, new OpenAskRound(Input.ClosesOn, Input.RequiredOrganisationIds), Actor, ct);
            this.Succeeded("The partners are asked to agree the ask: each organisation's leads can now record its position");
            return Redirect($"{SystemHome}/asks/{Id}#agreement");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInputOn(e, "Input", nameof(RoundForm.ClosesOn), nameof(RoundForm.RequiredOrganisationIds));
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Detail = await asks.GetAsync(Id, ct);
        if (!AskService.CanDraftFor(Actor, Detail.Ask.OwnerOrganisationId))
        {
            throw new ForbiddenException("Only a convenor or a lead of the organisation that owns the ask can ask the partners to agree it.");
        }
        Partners = [.. (await organisations.ListAsync(ct)).Where(o => o.IsPartner && o.Type != OrganisationType.NationalBody)];
    }
}
