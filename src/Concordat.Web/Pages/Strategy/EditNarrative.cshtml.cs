using Concordat.Core.Access;
using Concordat.Core.Strategy;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Strategy;

public sealed class EditNarrativeModel(StrategyNarrativeService narratives) : EditPageModel
{
    [BindProperty]
    public NarrativeForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Actor.RequireConvenor("write the strategy's own words");
        var narrative = await narratives.GetAsync(ct);
        Version = narrative.Version ?? Guid.Empty;
        Input = NarrativeForm.From(narrative).WithBlankRows();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Actor.RequireConvenor("write the strategy's own words");
        ModelState.Clear();
        var (input, rows) = Input.ToInput();
        var result = await SaveAsync(async () =>
        {
            try
            {
                await narratives.SaveAsync(input, Version, Actor, ct);
            }
            catch (InputInvalidException e)
            {
                throw NarrativeForm.OnRows(e, rows);
            }
        }, "The strategy's own words saved", $"{SystemHome}/strategy/narrative");
        Input.WithBlankRows();
        return result;
    }
}
