using Concordat.Core.Access;
using Concordat.Core.Measures;
using Concordat.Core.Partnerships;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Measures;

public sealed class NewMeasureModel(MeasureService measures, OrganisationService organisations) : SystemPageModel, IMeasureFormPage
{
    [BindProperty]
    public MeasureForm Input { get; set; } = new();

    public IReadOnlyList<Place> Places { get; private set; } = [];
    public IReadOnlyList<OrganisationSummary> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!Actor.Memberships.Any(m => m.Role == Role.OrganisationLead) && !Actor.Delegations.Any(d => d.Capability == Concordat.Core.Partnerships.DelegatedCapability.MeasureData))
        {
            throw new ForbiddenException("Only a convenor or an organisation lead can define a measure.");
        }
        Input.OwnerOrganisationId = Actor.PrimaryMembership?.OrganisationId;
        Input.Format = MeasureFormat.Number;
        Input.SourceKind = MeasureSourceKind.Local;
        Input.Geography = MeasureGeography.System;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var frequencyUnreadable = ModelState["Input.Frequency"]?.Errors.Count > 0;
        ModelState.Clear();
        var input = Input.ToInput(ModelState, frequencyUnreadable);
        try
        {
            var measure = await measures.CreateAsync(input, Actor, ct);
            this.Succeeded($"{measure.Name} defined");
            return Redirect($"{SystemHome}/measures/{measure.Id}");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e);
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Places = await organisations.PlacesOfferedAsync([], ct);
        Organisations = await organisations.ListAsync(ct);
    }
}
