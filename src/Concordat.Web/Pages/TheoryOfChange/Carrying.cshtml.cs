using Concordat.Core.Access;
using Concordat.Core.TheoryOfChange;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.TheoryOfChange;

/// <summary>
/// Whether a contribution carries a change idea, as everyone in the system may read it. A lead of the contribution's
/// organisation answers a request here, or stops the contribution carrying the idea.
/// </summary>
public sealed class CarryingModel(TheoryOfChangeService theory) : SystemPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public Guid IdeaId { get; set; }

    [FromRoute]
    public Guid ContributionId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public DriverDiagram Diagram { get; private set; } = null!;
    public ChangeIdeaNode Idea { get; private set; } = null!;
    public Carrier Carrier { get; private set; } = null!;

    public bool CanAnswer => Actor.IsLeadOf(Carrier.OrganisationId);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken ct) =>
        AnswerAsync(() => theory.AcceptCarryingAsync(Id, IdeaId, ContributionId, Actor, ct), () => $"{Carrier.Organisation}'s contribution now carries {Idea.Idea.Title}", ct);

    public Task<IActionResult> OnPostDeclineAsync(CancellationToken ct) =>
        AnswerAsync(() => theory.DeclineCarryingAsync(Id, IdeaId, ContributionId, Reason, Actor, ct), () => "Request declined; the goal's partners can see your reason", ct);

    public Task<IActionResult> OnPostStopAsync(CancellationToken ct) =>
        AnswerAsync(() => theory.StopCarryingAsync(Id, IdeaId, ContributionId, Actor, ct), () => $"{Carrier.Organisation}'s contribution no longer carries {Idea.Idea.Title}", ct);

    private async Task<IActionResult> AnswerAsync(Func<Task> answer, Func<string> done, CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        try
        {
            await answer();
            this.Succeeded(done());
            return Redirect($"{SystemHome}/goals/{Id}/theory-of-change#idea-{IdeaId}");
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(ct);
            return this.InvalidInput(e, "");
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Diagram = await theory.GetAsync(Id, ct);
        Idea = Diagram.ChangeIdeas.SingleOrDefault(i => i.Idea.Id == IdeaId) ?? throw new NotFoundException("There is no such change idea for this goal.");
        Carrier = Idea.Carriers.SingleOrDefault(c => c.Id == ContributionId) ?? throw new NotFoundException("That contribution has not been asked to carry this change idea.");
    }
}
