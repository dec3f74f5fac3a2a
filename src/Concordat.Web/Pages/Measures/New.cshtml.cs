using System.Globalization;
using Concordat.Core.Access;
using Concordat.Core.Measures;
using Concordat.Core.Partnerships;
using Concordat.Spc;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Measures;

public sealed class NewMeasureModel(MeasureService measures, OrganisationService organisations) : SystemPageModel
{
    public sealed class MeasureForm
    {
        public string? Name { get; set; }
        public string? Definition { get; set; }
        public string? Unit { get; set; }
        public MeasureFrequency? Frequency { get; set; }
        public ImprovementDirection? Improvement { get; set; }
        public string? Target { get; set; }
        public string? Source { get; set; }
        public Guid? OwnerOrganisationId { get; set; }
    }

    [BindProperty]
    public MeasureForm Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> OwnerOptions { get; private set; } = [];

    public IEnumerable<SelectListItem> FrequencyOptions =>
        Enum.GetValues<MeasureFrequency>().Select(f => new SelectListItem(f.ToString(), f.ToString(), f == Input.Frequency));

    public IEnumerable<SelectListItem> ImprovementOptions =>
    [
        new("Higher is better", nameof(ImprovementDirection.Increase), Input.Improvement == ImprovementDirection.Increase),
        new("Lower is better", nameof(ImprovementDirection.Decrease), Input.Improvement == ImprovementDirection.Decrease),
        new("Neither direction", nameof(ImprovementDirection.Neither), Input.Improvement == ImprovementDirection.Neither),
    ];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!Actor.IsConvenor && !Actor.Memberships.Any(m => m.Role == Role.OrganisationLead))
        {
            throw new ForbiddenException("Only a convenor or an organisation lead can define a measure.");
        }
        Input.OwnerOrganisationId = Actor.PrimaryMembership?.OrganisationId;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var frequencyUnreadable = ModelState["Input.Frequency"]?.Errors.Count > 0;
        ModelState.Clear();
        double? target = null;
        if (!string.IsNullOrWhiteSpace(Input.Target))
        {
            if (double.TryParse(Input.Target.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var t))
            {
                target = t;
            }
            else
            {
                ModelState.AddModelError("Input.Target", "Target must be a number, like 95 or 0.5");
                target = double.NaN;
            }
        }
        try
        {
            var measure = await measures.CreateAsync(new SaveMeasure(Input.Name, Input.Definition, Input.Unit, frequencyUnreadable ? null : Input.Frequency,
                Input.Improvement, target, Input.Source, Input.OwnerOrganisationId), Actor, ct);
            this.Succeeded($"{measure.Name} defined");
            return Redirect($"{SystemHome}/measures/{measure.Id}");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e);
        }
    }

    private async Task LoadAsync(CancellationToken ct) =>
        OwnerOptions = [new SelectListItem("Select an organisation", ""), .. (await organisations.ListAsync(ct))
            .Select(o => new SelectListItem(o.Name, o.Id.ToString(), o.Id == Input.OwnerOrganisationId))];
}
