using Concordat.Core.Raid;

namespace Concordat.Core.HealthChecks;

/// <summary>An open risk of the RAID log as the health check reads it.</summary>
public sealed record RiskFacts(Guid Id, string Event, string? Owner, int InherentScore, int ResidualScore, bool HasMitigation, bool IsReviewOverdue);

/// <summary>
/// The RAID log's rule: an extreme risk (inherent or residual score 15 or more) must have a mitigation and a review
/// that is not overdue, or the programme carries its worst risks on trust.
/// </summary>
public static class RiskCheck
{
    public const string ExtremeRiskUnmanaged = "extreme-risks-are-managed";

    public const string Name = "Extreme risks are mitigated and reviewed";

    public static IEnumerable<Finding> Findings(IEnumerable<RiskFacts> risks)
    {
        foreach (var risk in risks.Where(r => Math.Max(r.InherentScore, r.ResidualScore) >= RiskMatrix.Extreme && (!r.HasMitigation || r.IsReviewOverdue)))
        {
            var owner = risk.Owner is null ? "" : $" ({risk.Owner})";
            var why = (risk.HasMitigation, risk.IsReviewOverdue) switch
            {
                (false, true) => "has no mitigation recorded and its review is overdue",
                (false, false) => "has no mitigation recorded",
                _ => "is overdue for review",
            };
            yield return new Finding(ExtremeRiskUnmanaged, risk.Event,
                $"The extreme risk \"{risk.Event}\"{owner} {why}, so no one can say it is being managed.", $"/raid/{risk.Id}", CheckState.Failed);
        }
    }
}
