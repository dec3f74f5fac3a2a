using Concordat.Core.Goals;
using Concordat.Core.Words;

namespace Concordat.Web.Pages.Goals;

/// <summary>The wording a round proposes, field by field beside the goal as it stands.</summary>
public sealed record ProposedWordingView(GoalDetail Goal, AgreementRound Round)
{
    public IEnumerable<(string Field, string? Now, string? Proposed)> Rows
    {
        get
        {
            var proposed = Round.Current;
            yield return ("Title", Goal.Title, proposed.Title);
            yield return ("Outcome", Goal.OutcomeStatement, proposed.OutcomeStatement);
            yield return ("Population", Goal.Population, proposed.Population);
            yield return ("Inequality lens", Goal.InequalityLens, proposed.InequalityLens);
            yield return ("Horizon", Prose.Date(Goal.Horizon), Prose.Date(proposed.Horizon));
        }
    }
}
