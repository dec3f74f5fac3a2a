using Concordat.Core.Access;
using Concordat.Core.Contributions;
using Concordat.Core.Goals;
using Concordat.Core.TheoryOfChange;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.TheoryOfChange;

public sealed class EditChangeIdeaModel(TheoryOfChangeService theory, ContributionService contributions) : EditPageModel, IChangeIdeaFormPage
{
    [FromRoute]
    public Guid IdeaId { get; set; }

    [BindProperty]
    public ChangeIdeaForm Idea { get; set; } = new();

    public DriverDiagram Diagram { get; private set; } = null!;
    public IReadOnlyList<ContributionRow> Contributions { get; private set; } = [];
    public ChangeIdeaNode Current { get; private set; } = null!;
    public string TheoryOfChange => $"{SystemHome}/goals/{Id}/theory-of-change";

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Idea = ChangeIdeaForm.From(Current);
        Version = Current.Idea.Version;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        return await SaveAsync(() => theory.EditChangeIdeaAsync(Id, IdeaId, Idea.ToInput(), Version, Actor, ct), "Change idea changed", TheoryOfChange, "Idea");
    }

    /// <summary>Refuses at once those who could not save; the service checks again, including who carries the idea afterwards.</summary>
    private async Task LoadAsync(CancellationToken ct)
    {
        Diagram = await theory.GetAsync(Id, ct);
        Contributions = await contributions.ForGoalAsync(Id, ct);
        Current = Diagram.ChangeIdeas.SingleOrDefault(i => i.Idea.Id == IdeaId && Diagram.IsOwn(i.Idea.GoalId)) ?? throw new NotFoundException("There is no such change idea for this goal.");
        var carriers = Contributions.Where(c => Current.CarriedBy.Any(b => b.Id == c.Id));
        TheoryOfChangeService.RequireIdeaEditor(Actor, Diagram.Stewards, carriers.Select(c => c.OrganisationId));
    }
}
