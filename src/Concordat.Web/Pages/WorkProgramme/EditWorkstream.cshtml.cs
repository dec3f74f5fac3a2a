using Concordat.Core.Access;
using Concordat.Core.Goals;
using Concordat.Core.Partnerships;
using Concordat.Core.People;
using Concordat.Core.WorkProgramme;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.WorkProgramme;

/// <summary>A convenor, or a lead of the lead organisation, changes a workstream against the version they read.</summary>
public sealed class EditWorkstreamModel(WorkstreamService workstreams, OrganisationService organisations, PeopleService people, GoalService goals)
    : EditPageModel, IWorkstreamFormPage
{
    [BindProperty]
    public WorkstreamForm Input { get; set; } = new();

    public string CurrentName { get; private set; } = "";
    public IReadOnlyList<OrganisationSummary> Partners { get; private set; } = [];
    public IReadOnlyList<PersonInSystem> People { get; private set; } = [];
    public IReadOnlyList<GoalSummary> Goals { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Title, string Goal)> ChangeIdeas { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var detail = await LoadAsync(ct);
        Input = WorkstreamForm.Of(detail);
        Version = detail.Workstream.Version;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        return await SaveAsync(() => workstreams.UpdateAsync(Id, Input.ToInput(), Version, Actor, ct), "Changes saved", $"{SystemHome}/work/workstreams/{Id}");
    }

    private async Task<WorkstreamDetail> LoadAsync(CancellationToken ct)
    {
        var detail = await workstreams.GetAsync(Id, ct);
        if (!WorkstreamService.CanChange(Actor, detail.Workstream.LeadOrganisationId))
        {
            throw new ForbiddenException("Only a convenor or a lead of the workstream's lead organisation can change it.");
        }
        CurrentName = detail.Workstream.Name;
        var partners = (await organisations.ListAsync(ct)).Where(o => o.IsPartner).ToList();
        Partners = partners;
        People = await people.ListAsync(null, ct);
        Goals = await goals.ListAsync(new GoalFilter(), ct);
        ChangeIdeas = await workstreams.ChangeIdeasOfferedAsync(ct);
        return detail;
    }
}
