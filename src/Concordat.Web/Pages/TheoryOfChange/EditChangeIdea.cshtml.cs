using Concordat.Core.Access;
using Concordat.Core.Contributions;
using Concordat.Core.Goals;
using Concordat.Core.TheoryOfChange;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.TheoryOfChange;

public sealed class EditChangeIdeaModel(TheoryOfChangeService theory, ContributionService contributions) : SystemPageModel, IChangeIdeaFormPage
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public Guid IdeaId { get; set; }

    [BindProperty]
    public ChangeIdeaForm Idea { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    public DriverDiagram Diagram { get; private set; } = null!;
    public IReadOnlyList<ContributionRow> Contributions { get; private set; } = [];
    public ChangeIdeaNode Current { get; private set; } = null!;
    public EditConflictView? Conflict { get; private set; }
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
        try
        {
            await theory.EditChangeIdeaAsync(Id, IdeaId, Idea.ToInput(), Version, Actor, ct);
            this.Succeeded("Change idea changed");
            return Redirect(TheoryOfChange);
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e, "Idea");
        }
        catch (EditConflictException e)
        {
            Conflict = new EditConflictView(e.Current);
            Version = e.CurrentVersion;
            ModelState.AddModelError("", $"{e.Message} Your changes have not been saved.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
    }

    /// <summary>Refuses at once those who could not save; the service checks again, including who carries the idea afterwards.</summary>
    private async Task LoadAsync(CancellationToken ct)
    {
        Diagram = await theory.GetAsync(Id, ct);
        Contributions = await contributions.ForGoalAsync(Id, ct);
        Current = Diagram.ChangeIdeas.SingleOrDefault(i => i.Idea.Id == IdeaId) ?? throw new NotFoundException("There is no such change idea for this goal.");
        var carriers = Contributions.Where(c => Current.CarriedBy.Any(b => b.Id == c.Id));
        if (!Actor.IsConvenor && !Actor.IsLeadOf(Diagram.LeadOrganisationId) && !carriers.Any(c => Actor.IsLeadOf(c.OrganisationId)))
        {
            throw new ForbiddenException("Only a convenor, a lead of the goal's lead organisation, or a lead of an organisation whose contribution carries it can change a change idea.");
        }
    }
}
