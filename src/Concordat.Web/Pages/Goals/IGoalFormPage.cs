using Concordat.Core.Partnerships;

namespace Concordat.Web.Pages.Goals;

public interface IGoalFormPage
{
    GoalForm Input { get; }
    IReadOnlyList<Place> Places { get; }
    IReadOnlyList<OrganisationSummary> Organisations { get; }
    IReadOnlyList<ForumDetail> Forums { get; }
    IReadOnlyList<Concordat.Core.Goals.Ambition> Ambitions { get; }
}
