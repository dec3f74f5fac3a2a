using Concordat.Core.Access;
using Concordat.Core.Asks;
using Concordat.Core.Goals;
using Concordat.Core.National;
using Concordat.Core.Partnerships;
using Concordat.Core.Raid;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Asks;

public sealed class EditAskModel(AskService asks, NationalBodyService bodies, OrganisationService organisations, GoalService goals, RaidService raid)
    : EditPageModel, IAskFormPage
{
    [BindProperty]
    public AskForm Input { get; set; } = new();

    public IReadOnlyList<NationalBodySummary> Bodies { get; private set; } = [];
    public IReadOnlyList<OrganisationSummary> Organisations { get; private set; } = [];
    public IReadOnlyList<GoalSummary> Goals { get; private set; } = [];
    public IReadOnlyList<RaidEntry> Risks { get; private set; } = [];
    public string CurrentTitle { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var ask = await LoadAsync(ct);
        if (!AskService.CanDraftFor(Actor, ask.Ask.OwnerOrganisationId))
        {
            throw new ForbiddenException("Only a convenor or a lead of the organisation that owns the ask can change it.");
        }
        Version = ask.Ask.Version;
        Input = AskForm.Of(ask);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        return await SaveAsync(() => asks.UpdateAsync(Id, Input.ToInput(), Version, Actor, ct), "Changes saved", $"{SystemHome}/asks/{Id}");
    }

    private async Task<AskDetail> LoadAsync(CancellationToken ct)
    {
        var ask = await asks.GetAsync(Id, ct);
        CurrentTitle = ask.Ask.Title;
        (Bodies, Organisations, Goals, Risks) = await AskChoices.LoadAsync(bodies, organisations, goals, raid, ct);
        return ask;
    }
}
