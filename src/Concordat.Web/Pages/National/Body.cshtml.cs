using Concordat.Core.Access;
using Concordat.Core.National;
using Concordat.Core.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.National;

/// <summary>An administrator changes a national body's name or kind, and appoints and removes its national partners.</summary>
public sealed class NationalBodyModel(NationalBodyService bodies, AccountService accounts) : PageModel
{
    public sealed class PartnerForm
    {
        public string? Email { get; set; }
        public string? DisplayName { get; set; }
        public string? Team { get; set; }
    }

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public NationalBodiesModel.BodyForm Input { get; set; } = new();

    [BindProperty]
    public PartnerForm Partner { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    public NationalBodySummary Body { get; private set; } = null!;
    public IReadOnlyList<NationalPartnerSummary> Partners { get; private set; } = [];
    public EditConflictView? Conflict { get; private set; }
    public IEnumerable<SelectListItem> KindOptions => NationalBodiesModel.KindOptionsFor(Input.Kind);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(await this.AdministratorAsync(accounts, "look after national bodies", ct), ct);
        Input = new NationalBodiesModel.BodyForm { Name = Body.Name, Kind = Body.Kind };
        Version = Body.Version;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await this.AdministratorAsync(accounts, "look after national bodies", ct);
        try
        {
            await bodies.UpdateAsync(Id, new SaveNationalBody(Input.Name, ModelState.IsValid ? Input.Kind : null), Version, actor, ct);
            this.Succeeded("National body saved");
            return Redirect($"/national-bodies/{Id}");
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(actor, ct);
            ModelState.Clear();
            return this.InvalidInput(e);
        }
        catch (EditConflictException e)
        {
            await LoadAsync(actor, ct);
            Version = e.CurrentVersion;
            Conflict = this.ShowEditConflict(e);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostAppointAsync(CancellationToken ct)
    {
        var actor = await this.AdministratorAsync(accounts, "look after national bodies", ct);
        try
        {
            var appointed = await bodies.AppointAsync(Id, new AppointNationalPartner(Partner.Email, Partner.DisplayName, Partner.Team), actor, ct);
            this.Succeeded($"{appointed.Name} is a national partner");
            return Redirect($"/national-bodies/{Id}#partners");
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(actor, ct);
            Input = new NationalBodiesModel.BodyForm { Name = Body.Name, Kind = Body.Kind };
            Version = Body.Version;
            return this.InvalidInput(e, nameof(Partner));
        }
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid personId, CancellationToken ct)
    {
        await bodies.RemovePartnerAsync(Id, personId, await this.AdministratorAsync(accounts, "look after national bodies", ct), ct);
        this.Succeeded("National partner removed");
        return Redirect($"/national-bodies/{Id}#partners");
    }

    private async Task LoadAsync(AccountActor actor, CancellationToken ct)
    {
        Body = await bodies.GetAsync(Id, ct);
        Partners = await bodies.PartnersAsync(Id, actor, ct);
    }
}
