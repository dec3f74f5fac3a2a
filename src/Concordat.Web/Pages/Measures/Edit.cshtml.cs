using Concordat.Core.Access;
using Concordat.Core.Measures;
using Concordat.Core.Partnerships;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Measures;

public sealed class EditMeasureModel(MeasureService measures, OrganisationService organisations) : EditPageModel, IMeasureFormPage
{
    [BindProperty]
    public MeasureForm Input { get; set; } = new();

    public IReadOnlyList<Place> Places { get; private set; } = [];
    public IReadOnlyList<OrganisationSummary> Organisations { get; private set; } = [];
    public string CurrentName { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var detail = await LoadAsync(ct);
        Input = MeasureForm.From(detail);
        Version = detail.Measure.Version;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var frequencyUnreadable = ModelState["Input.Frequency"]?.Errors.Count > 0;
        ModelState.Clear();
        var input = Input.ToInput(ModelState, frequencyUnreadable);
        return await SaveAsync(() => measures.UpdateAsync(Id, input, Version, Actor, ct), "Changes saved", $"{SystemHome}/measures/{Id}");
    }

    private async Task<MeasureDetail> LoadAsync(CancellationToken ct)
    {
        var detail = await measures.GetAsync(Id, ct);
        detail.Measure.RequireSteward(Actor, "change the measure");
        CurrentName = detail.Measure.Name;
        Places = await organisations.PlacesOfferedAsync(detail.Measure.PlaceId is { } kept ? [kept] : [], ct);
        Organisations = await organisations.ListAsync(ct);
        return detail;
    }
}
