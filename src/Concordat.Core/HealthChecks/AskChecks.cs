using Concordat.Core.Asks;

namespace Concordat.Core.HealthChecks;

/// <summary>An ask of a national body as the health check reads it.</summary>
public sealed record AskFacts(Guid Id, string Title, string NationalBody, AskStatus Status, int Goals, bool HasConditions, ConditionStatus ConditionStatus);

/// <summary>An open extreme risk of a goal that an ask was meant to mitigate.</summary>
public sealed record AskRiskFacts(Guid AskId, string Goal, string Risk);

/// <summary>
/// The rules on the asks: an ask says which goal it would unlock, or it is a wish, not part of the strategy; a goal
/// whose extreme risk was to be mitigated by an ask the body declined needs another way; and an agreement whose
/// conditions the system is not meeting puts the freedom at risk.
/// </summary>
public static class AskChecks
{
    public const string UnlocksNoGoal = "asks-unlock-goals";
    public const string ExtremeRiskOnDeclinedAsk = "extreme-risks-not-left-on-declined-asks";
    public const string ConditionsNotMet = "deal-conditions-are-met";

    public static IEnumerable<Finding> Run(IReadOnlyList<AskFacts> asks, IReadOnlyList<AskRiskFacts> extremeRisks)
    {
        foreach (var ask in asks.Where(a => a.Goals == 0 && a.Status != AskStatus.Declined))
        {
            yield return new Finding(UnlocksNoGoal, ask.Title,
                $"The ask \"{ask.Title}\" of {ask.NationalBody} names no goal it would unlock, so the strategy cannot say why it matters.",
                ask.Status == AskStatus.Draft ? $"/asks/{ask.Id}/edit" : $"/asks/{ask.Id}", CheckState.Failed);
        }
        var declined = asks.Where(a => a.Status == AskStatus.Declined).ToDictionary(a => a.Id);
        foreach (var risk in extremeRisks.Where(r => declined.ContainsKey(r.AskId)))
        {
            var ask = declined[risk.AskId];
            yield return new Finding(ExtremeRiskOnDeclinedAsk, risk.Goal,
                $"The goal \"{risk.Goal}\" has the extreme risk \"{risk.Risk}\", which the ask \"{ask.Title}\" was to mitigate; {ask.NationalBody} declined it, "
                + "so the risk needs another mitigation.", $"/asks/{ask.Id}", CheckState.Failed);
        }
        foreach (var ask in asks.Where(a => a.HasConditions && a.ConditionStatus == ConditionStatus.NotBeingMet
            && a.Status is AskStatus.Agreed or AskStatus.PartlyAgreed or AskStatus.Implemented or AskStatus.ImpactReviewed))
        {
            yield return new Finding(ConditionsNotMet, ask.Title,
                $"{ask.NationalBody} agreed the ask \"{ask.Title}\" on conditions the partners say they are not meeting: the freedom granted is at risk.",
                $"/asks/{ask.Id}", CheckState.Failed);
        }
    }
}
