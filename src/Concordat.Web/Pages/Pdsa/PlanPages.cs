using Concordat.Core.Access;
using Concordat.Core.Measures;
using Concordat.Core.Partnerships;
using Concordat.Core.Pdsa;
using Concordat.Core.People;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Pdsa;

/// <summary>The choices both plan forms offer: a convenor plans for any partner, anyone else for an organisation they work for.</summary>
internal static class PlanChoices
{
    public static async Task<(IReadOnlyList<OrganisationSummary> Owners, IReadOnlyList<OrganisationSummary> Partners, IReadOnlyList<PersonInSystem> People,
        IReadOnlyList<MeasureSummary> Measures)> LoadAsync(Actor actor, OrganisationService organisations, PeopleService people, MeasureService measures, CancellationToken ct)
    {
        var partners = (await organisations.ListAsync(ct)).Where(o => o.IsPartner).ToList();
        return (actor.IsConvenor ? partners : [.. partners.Where(o => actor.CanContributeFor(o.Id))], partners, await people.ListAsync(null, ct),
            await measures.ListAsync(null, ct));
    }
}
