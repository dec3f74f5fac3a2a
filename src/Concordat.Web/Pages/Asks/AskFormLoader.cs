using Concordat.Core.Goals;
using Concordat.Core.National;
using Concordat.Core.Partnerships;
using Concordat.Core.Raid;

namespace Concordat.Web.Pages.Asks;

/// <summary>The choices the ask form offers: bodies, partners, goals and the RAID log's risks.</summary>
public sealed record AskChoices(IReadOnlyList<NationalBodySummary> Bodies, IReadOnlyList<OrganisationSummary> Organisations, IReadOnlyList<GoalSummary> Goals,
    IReadOnlyList<RaidEntry> Risks)
{
    public static async Task<AskChoices> LoadAsync(NationalBodyService bodies, OrganisationService organisations, GoalService goals, RaidService raid, CancellationToken ct) =>
        new(await bodies.ListAsync(ct), await organisations.ListAsync(ct), await goals.ListAsync(new GoalFilter(), ct),
            [.. (await raid.ListAsync(new RaidFilter(RaidKind.Risk), ct)).Select(r => r.Entry)]);
}
