using Concordat.Core.Access;
using Concordat.Core.Asks;
using Concordat.Core.Goals;
using Concordat.Core.National;
using Concordat.Core.Partnerships;
using Concordat.Core.Raid;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Asks;

public sealed class NewAskModel(AskService asks, NationalBodyService bodies, OrganisationService organisations, GoalService goals, RaidService raid)
    : SystemPageModel, IAskFormPage
{
    [BindProperty]
    public AskForm Input { get; set; } = new();

    public IReadOnlyList<NationalBodySummary> Bodies { get; private set; } = [];
    public IReadOnlyList<OrganisationSummary> Organisations { get; private set; } = [];
    public IReadOnlyList<GoalSummary> Goals { get; private set; } = [];
    public IReadOnlyList<RaidEntry> Risks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        RequireDrafter();
        // A lead drafts in their own organisation's name; a convenor chooses.
        Input.OwnerOrganisationId = Actor.IsConvenor ? null : Actor.Memberships.First(m => m.Role == Role.OrganisationLead).OrganisationId;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        try
        {
            var ask = await asks.CreateAsync(Input.ToInput(), Actor, ct);
            this.Succeeded("Ask drafted");
            return Redirect($"{SystemHome}/asks/{ask.Id}");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e);
        }
    }

    private void RequireDrafter()
    {
        if (!Actor.IsConvenor && !Actor.Memberships.Any(m => m.Role == Role.OrganisationLead))
        {
            throw new ForbiddenException("Only a convenor or an organisation lead can draft an ask.");
        }
    }

    private async Task LoadAsync(CancellationToken ct) =>
        (Bodies, Organisations, Goals, Risks) = await AskChoices.LoadAsync(bodies, organisations, goals, raid, ct);
}
