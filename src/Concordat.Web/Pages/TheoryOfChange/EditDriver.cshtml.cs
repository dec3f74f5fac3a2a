using Concordat.Core.Goals;
using Concordat.Core.Access;
using Concordat.Core.TheoryOfChange;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.TheoryOfChange;

public sealed class EditDriverModel(TheoryOfChangeService theory) : EditPageModel
{
    [FromRoute]
    public Guid DriverId { get; set; }

    [BindProperty]
    public TheoryOfChangeModel.DriverForm Input { get; set; } = new();

    public DriverDiagram Diagram { get; private set; } = null!;
    public DriverNode Current { get; private set; } = null!;
    public string TheoryOfChange => $"{SystemHome}/goals/{Id}/theory-of-change";

    public IEnumerable<SelectListItem> PrimaryOptions =>
        Diagram.Primary.Where(d => Diagram.IsOwn(d.Driver.GoalId)).Select(d => new SelectListItem(d.Driver.Title, d.Driver.Id.ToString(), Input.PrimaryDriverIds.Contains(d.Driver.Id)));

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = new TheoryOfChangeModel.DriverForm { Title = Current.Driver.Title, PrimaryDriverIds = [.. Current.ServesPrimaryIds] };
        Version = Current.Driver.Version;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        return await SaveAsync(() => theory.EditDriverAsync(Id, DriverId, new EditDriver(Input.Title, Current.Driver.Level == DriverLevel.Secondary ? Input.PrimaryDriverIds : null, Version), Actor, ct), "Driver changed", TheoryOfChange);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Diagram = await theory.GetAsync(Id, ct);
        Goal.RequireSteward(Actor, Diagram.Stewards, "change its theory of change");
        // A driver hanging from a priority shared from another goal is changed in that goal.
        Current = Diagram.Primary.Concat(Diagram.Secondary).SingleOrDefault(d => d.Driver.Id == DriverId && Diagram.IsOwn(d.Driver.GoalId))
            ?? throw new NotFoundException("There is no such driver for this goal.");
    }
}
