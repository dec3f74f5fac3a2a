using Concordat.Core.Access;
using Concordat.Core.Pdsa;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Pdsa;

/// <summary>One cycle with all four stages, links to record each, and "Ramp" to plan the next cycle from it.</summary>
public sealed class CycleModel(PdsaService cycles) : SystemPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public PdsaDetail Detail { get; private set; } = null!;
    public bool CanChange => Actor.IsConvenor || Actor.CanContributeFor(Detail.Cycle.OwnerOrganisationId);
    public bool CanRamp => CanChange && Detail.Next is null && Detail.Cycle.Decision is { } d && d != PdsaDecision.Abandon;
    public string IdeaCycles => $"{SystemHome}/pdsa/ideas/{Detail.Cycle.ChangeIdeaId}";

    public async Task OnGetAsync(CancellationToken ct) => Detail = await cycles.GetAsync(Id, ct);

    public async Task<IActionResult> OnPostRampAsync(CancellationToken ct)
    {
        try
        {
            var next = await cycles.RampAsync(Id, Actor, ct);
            this.Succeeded($"{next.Label} planned: write its question and prediction");
            return Redirect($"{SystemHome}/pdsa/{next.Id}/plan");
        }
        catch (InputInvalidException e)
        {
            Detail = await cycles.GetAsync(Id, ct);
            return this.InvalidInput(e, prefix: "");
        }
    }
}
