using Concordat.Core.Access;
using Concordat.Core.WorkProgramme.Iterations;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.WorkProgramme.Iterations;

/// <summary>A convenor changes an open iteration's name, dates and objective against the version they read.</summary>
public sealed class EditIterationModel(IterationService iterations) : EditPageModel
{
    [BindProperty]
    public IterationForm Input { get; set; } = new();

    public Iteration Iteration { get; private set; } = null!;

    public sealed class IterationForm
    {
        public string? Name { get; set; }
        public DateOnly? StartsOn { get; set; }
        public DateOnly? EndsOn { get; set; }
        public string? Objective { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = new IterationForm { Name = Iteration.Name, StartsOn = Iteration.StartsOn, EndsOn = Iteration.EndsOn, Objective = Iteration.Objective };
        Version = Iteration.Version;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.ClearExceptDates();
        if (!ModelState.IsValid)
        {
            return this.InvalidInput();
        }
        return await SaveAsync(() => iterations.UpdateAsync(Id, new SaveIteration(Input.Name, Input.StartsOn, Input.EndsOn, Input.Objective), Version, Actor, ct),
            "Changes saved", $"{SystemHome}/work/iterations/{Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Iteration = (await iterations.GetAsync(Id, ct)).Iteration;
        if (!Actor.IsConvenor)
        {
            throw new ForbiddenException("Only a convenor can change an iteration.");
        }
    }
}
