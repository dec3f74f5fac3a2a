using Concordat.Core.Access;
using Concordat.Core.WorkProgramme.Iterations;
using Concordat.Core.Words;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.WorkProgramme.Iterations;

/// <summary>The programme's iterations, newest first; convenors start the next one and set how long they last.</summary>
public sealed class IndexModel(IterationService iterations) : SystemPageModel
{
    [BindProperty]
    public StartForm Input { get; set; } = new();

    [BindProperty]
    public int? Weeks { get; set; }

    [BindProperty]
    public Guid CadenceVersion { get; set; }

    public IReadOnlyList<IterationSummary> Iterations { get; private set; } = [];
    public int CadenceWeeks { get; private set; }

    public sealed class StartForm
    {
        public string? Name { get; set; }
        public DateOnly? StartsOn { get; set; }
        public DateOnly? EndsOn { get; set; }
        public string? Objective { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        try
        {
            ModelState.ClearExceptDates();
            if (!ModelState.IsValid)
            {
                await LoadAsync(ct);
                return this.InvalidInput();
            }
            var iteration = await iterations.StartAsync(new SaveIteration(Input.Name, Input.StartsOn, Input.EndsOn, Input.Objective), Actor, ct);
            this.Succeeded($"{iteration.Name} started");
            return Redirect($"{SystemHome}/work/iterations/{iteration.Id}");
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(ct);
            return this.InvalidInput(e);
        }
    }

    public async Task<IActionResult> OnPostCadenceAsync(CancellationToken ct)
    {
        try
        {
            await iterations.SetCadenceAsync(Weeks, CadenceVersion, Actor, ct);
            this.Succeeded($"Iterations now last {Prose.Count(Weeks ?? 0, "week")}");
            return Redirect($"{SystemHome}/work/iterations");
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(ct);
            return this.InvalidInput(e, prefix: "");
        }
        catch (EditConflictException)
        {
            await LoadAsync(ct);
            ModelState.AddModelError(nameof(Weeks), "Someone changed how long iterations last while you were looking: check it, then change it again");
            return this.InvalidInput();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Iterations = await iterations.ListAsync(ct);
        var cadence = await iterations.CadenceAsync(ct);
        CadenceWeeks = cadence.Weeks;
        CadenceVersion = cadence.Version;
        Weeks ??= cadence.Weeks;
    }
}
