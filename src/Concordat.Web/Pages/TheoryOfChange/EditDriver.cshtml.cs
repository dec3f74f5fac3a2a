using Concordat.Core.Access;
using Concordat.Core.TheoryOfChange;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.TheoryOfChange;

public sealed class EditDriverModel(TheoryOfChangeService theory) : SystemPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public Guid DriverId { get; set; }

    [BindProperty]
    public TheoryOfChangeModel.DriverForm Input { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    public DriverDiagram Diagram { get; private set; } = null!;
    public DriverNode Current { get; private set; } = null!;
    public EditConflictView? Conflict { get; private set; }
    public string TheoryOfChange => $"{SystemHome}/goals/{Id}/theory-of-change";

    public IEnumerable<SelectListItem> PrimaryOptions =>
        Diagram.Primary.Select(d => new SelectListItem(d.Driver.Title, d.Driver.Id.ToString(), Input.PrimaryDriverIds.Contains(d.Driver.Id)));

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
        try
        {
            await theory.EditDriverAsync(Id, DriverId, new EditDriver(Input.Title, Current.Driver.Level == DriverLevel.Secondary ? Input.PrimaryDriverIds : null, Version), Actor, ct);
            this.Succeeded("Driver changed");
            return Redirect(TheoryOfChange);
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e);
        }
        catch (EditConflictException e)
        {
            Conflict = new EditConflictView(e.Current);
            Version = e.CurrentVersion;
            ModelState.AddModelError("", $"{e.Message} Your changes have not been saved.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Diagram = await theory.GetAsync(Id, ct);
        if (!Actor.IsConvenor && !Actor.IsLeadOf(Diagram.LeadOrganisationId))
        {
            throw new ForbiddenException("Only a convenor or a lead of the goal's lead organisation can change its theory of change.");
        }
        Current = Diagram.Primary.Concat(Diagram.Secondary).SingleOrDefault(d => d.Driver.Id == DriverId)
            ?? throw new NotFoundException("There is no such driver for this goal.");
    }
}
