using System.Globalization;
using Concordat.Core.Goals;

namespace Concordat.Web.Pages.Goals;

/// <summary>The wording a round proposes, field by field beside the goal as it stands.</summary>
public sealed record ProposedWordingView(GoalDetail Goal, AgreementRound Round)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public IEnumerable<(string Field, string? Now, string? Proposed)> Rows
    {
        get
        {
            var proposed = Round.Current;
            yield return ("Title", Goal.Title, proposed.Title);
            yield return ("Outcome", Goal.OutcomeStatement, proposed.OutcomeStatement);
            yield return ("Population", Goal.Population, proposed.Population);
            yield return ("Inequality lens", Goal.InequalityLens, proposed.InequalityLens);
            yield return ("Horizon", Goal.Horizon.ToString("d MMMM yyyy", English), proposed.Horizon.ToString("d MMMM yyyy", English));
        }
    }
}
