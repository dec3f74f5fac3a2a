using Concordat.Core.Access;
using Concordat.Core.Partnerships;
using Concordat.Core.Words;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Partnerships.Organisations;

/// <summary>
/// The edit pattern every edit page follows: the form carries the version it was loaded at; a save made after
/// someone else's is refused with both versions shown, and the form then carries the newer version so that
/// saving again is a deliberate choice to replace it.
/// </summary>
public sealed class EditOrganisationModel(OrganisationService organisations) : SystemPageModel, IOrganisationFormPage
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public OrganisationForm Input { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    public IReadOnlyList<Place> Places { get; private set; } = [];
    public bool ChoosesPartnership => Actor.IsConvenor;
    public string CurrentName { get; private set; } = "";
    public IReadOnlyDictionary<string, string?>? Conflict { get; private set; }
    public IReadOnlyDictionary<string, string?> Yours { get; private set; } = new Dictionary<string, string?>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var organisation = await organisations.GetAsync(Id, ct);
        Organisation.RequireEditableBy(Actor, Id);
        Places = await organisations.PlacesOfferedAsync(organisation.PlaceIds, ct);
        CurrentName = organisation.Name;
        Version = organisation.Version;
        Input = OrganisationForm.For(organisation);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var current = await organisations.GetAsync(Id, ct);
        CurrentName = current.Name;
        if (!ChoosesPartnership)
        {
            // Only convenors are offered the choice; a lead's save keeps what is stored.
            Input.IsPartner = current.IsPartner;
        }
        Places = await organisations.PlacesOfferedAsync(current.PlaceIds, ct);
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError("Input.Type", "Select the type of organisation");
            return this.InvalidInput();
        }
        try
        {
            await organisations.UpdateAsync(Id, Input.ToInput(), Version, Actor, ct);
            this.Succeeded("Changes saved");
            return Redirect($"{SystemHome}/organisations/{Id}");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e);
        }
        catch (EditConflictException e)
        {
            Conflict = e.Current;
            var placeNames = Places.ToDictionary(p => p.Id, p => p.Name);
            Yours = new Dictionary<string, string?>
            {
                ["Name"] = Input.Name?.Trim(),
                ["Type"] = Input.Type?.InWords(),
                ["ODS code"] = Registers.Normalise(Input.OdsCode),
                ["ONS code"] = Registers.Normalise(Input.OnsCode),
                ["Charity number"] = Registers.Normalise(Input.CharityNumber),
                ["Company number"] = Registers.Normalise(Input.CompanyNumber),
                ["Partner"] = Prose.YesNo(Input.IsPartner),
                ["Places served"] = string.Join(", ", Input.PlaceIds.Select(p => placeNames.GetValueOrDefault(p, "?")).Order()),
            };
            ModelState.Remove(nameof(Version));
            Version = e.CurrentVersion;
            ModelState.AddModelError("", $"{e.Message} Your changes have not been saved.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
    }
}
