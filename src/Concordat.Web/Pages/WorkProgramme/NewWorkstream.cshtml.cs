using Concordat.Core.Access;
using Concordat.Core.Goals;
using Concordat.Core.Partnerships;
using Concordat.Core.People;
using Concordat.Core.WorkProgramme;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.WorkProgramme;

/// <summary>A convenor starts a workstream serving one or more shared goals.</summary>
public sealed class NewWorkstreamModel(WorkstreamService workstreams, OrganisationService organisations, PeopleService people, GoalService goals)
    : SystemPageModel, IWorkstreamFormPage
{
    [BindProperty]
    public WorkstreamForm Input { get; set; } = new();

    public IReadOnlyList<OrganisationSummary> Partners { get; private set; } = [];
    public IReadOnlyList<PersonInSystem> People { get; private set; } = [];
    public IReadOnlyList<GoalSummary> Goals { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Title, string Goal)> ChangeIdeas { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        try
        {
            var stream = await workstreams.CreateAsync(Input.ToInput(), Actor, ct);
            this.Succeeded($"{stream.Name} started");
            return Redirect($"{SystemHome}/work/workstreams/{stream.Id}");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e);
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Actor.RequireConvenor("start a workstream");
        Partners = [.. (await organisations.ListAsync(ct)).Where(o => o.IsPartner)];
        People = await people.ListAsync(null, ct);
        Goals = await goals.ListAsync(new GoalFilter(), ct);
        ChangeIdeas = await workstreams.ChangeIdeasOfferedAsync(ct);
    }
}
