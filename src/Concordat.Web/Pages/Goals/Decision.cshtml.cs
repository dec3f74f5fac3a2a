using System.ComponentModel.DataAnnotations;
using Concordat.Core.Access;
using Concordat.Core.Goals;
using Concordat.Core.Partnerships;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Goals;

/// <summary>A convenor records which governance forum took a closed round's outcome, and when.</summary>
public sealed class DecisionModel(AgreementService agreement, GovernanceForumService forums) : EditPageModel
{
    [FromRoute]
    public Guid RoundId { get; set; }

    public sealed class DecisionForm
    {
        public Guid? ForumId { get; set; }

        [Display(Name = "Date of the decision")]
        public DateOnly? On { get; set; }
    }

    [BindProperty]
    public DecisionForm Input { get; set; } = new();

    public RoundView Round { get; private set; } = null!;
    public IReadOnlyList<ForumDetail> Forums { get; private set; } = [];

    public IEnumerable<SelectListItem> ForumOptions => [new SelectListItem("No forum", "", Input.ForumId is null),
        .. Forums.Select(f => new SelectListItem(f.Forum.Name, f.Forum.Id.ToString(), f.Forum.Id == Input.ForumId))];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Actor.RequireConvenor("record where an agreement round's outcome was decided");
        await LoadAsync(ct);
        Version = Round.Round.Version;
        Input = new DecisionForm { ForumId = Round.Round.DecidedByForumId, On = Round.Round.DecidedOn };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.ClearExceptDates();
        return await SaveAsync(() => agreement.RecordDecisionAsync(RoundId, new TakenAt(Input.ForumId, Input.On), Version, Actor, ct), "Decision recorded",
            $"{SystemHome}/goals/{Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Round = await agreement.GetAsync(RoundId, ct);
        if (Round.Round.GoalId != Id)
        {
            throw new NotFoundException("There is no such agreement round on this goal.");
        }
        Forums = await forums.ListAsync(ct);
    }
}
