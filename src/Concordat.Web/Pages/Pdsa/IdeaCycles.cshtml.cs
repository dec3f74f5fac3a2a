using Concordat.Core.Pdsa;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Pdsa;

/// <summary>A change idea's tests: its ramps of PDSA cycles, each in order.</summary>
public sealed class IdeaCyclesModel(PdsaService cycles) : SystemPageModel
{
    public Guid GoalId { get; private set; }

    [FromRoute]
    public Guid IdeaId { get; set; }

    public string IdeaTitle { get; private set; } = "";

    /// <summary>Each ramp's cycles in order, the ramps in the order they began.</summary>
    public IReadOnlyList<IReadOnlyList<PdsaRow>> Ramps { get; private set; } = [];
    public bool CanPlan => Actor.IsConvenor || Actor.Memberships.Any(m => m.Role is Core.Partnerships.Role.OrganisationLead or Core.Partnerships.Role.Contributor);

    public async Task OnGetAsync(CancellationToken ct)
    {
        (IdeaTitle, GoalId) = await cycles.IdeaAsync(IdeaId, ct);
        Ramps = [.. (await cycles.ListAsync(new PdsaFilter(ChangeIdeaId: IdeaId), ct)).GroupBy(r => r.Cycle.RampId).Select(g => (IReadOnlyList<PdsaRow>)[.. g])];
    }

    /// <summary>Every cycle of the system, of every idea, as CSV.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        CsvDownload.File("pdsa-cycles.csv", PdsaService.ToTable(await cycles.ListAsync(new PdsaFilter(), ct)));
}
