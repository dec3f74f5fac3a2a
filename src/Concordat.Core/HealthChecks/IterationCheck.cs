namespace Concordat.Core.HealthChecks;

/// <summary>A closed iteration as the health check reads it: whether its review was held and how many partners answered its retrospective.</summary>
public sealed record IterationFacts(Guid Id, string Name, bool ReviewHeld, int RetrospectiveAnswers);

/// <summary>
/// Closed iterations were reviewed and looked back on: an iteration closed without a review held, or without a single
/// answer to its retrospective, is work delivered without the partners learning from it.
/// </summary>
public static class IterationCheck
{
    public const string NotReviewed = "iterations-are-reviewed";

    public static IEnumerable<Finding> Run(IReadOnlyList<IterationFacts> closed)
    {
        foreach (var i in closed)
        {
            if (!i.ReviewHeld)
            {
                yield return new Finding(NotReviewed, i.Name, $"{i.Name} closed without a review held, so no one has checked together what was delivered and what slipped.",
                    $"/work/iterations/{i.Id}/review", CheckState.Failed);
            }
            if (i.RetrospectiveAnswers == 0)
            {
                yield return new Finding(NotReviewed, i.Name, $"No partner has answered the retrospective of {i.Name}, so the partnership has not looked back on how it worked together.",
                    $"/work/iterations/{i.Id}/retrospective", CheckState.Failed);
            }
        }
    }
}
