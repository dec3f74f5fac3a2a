using System.Globalization;
using Concordat.Core.Access;
using Concordat.Core.Measures;
using Concordat.Web.Pages.Goals;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Measures;

public sealed class RecordModel(MeasureService measures) : SystemPageModel
{
    public sealed class ObservationForm
    {
        public string? PeriodStart { get; set; }
        public string? Value { get; set; }
        public string? Note { get; set; }
    }

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public ObservationForm Input { get; set; } = new();

    public string MeasureName { get; private set; } = "";
    public string Unit { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        var period = GoalForm.ParseDate(Input.PeriodStart, "Input.PeriodStart", "Start of the period", ModelState);
        double? value = null;
        if (!string.IsNullOrWhiteSpace(Input.Value))
        {
            if (double.TryParse(Input.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
            {
                value = v;
            }
            else
            {
                ModelState.AddModelError("Input.Value", "Value must be a number, like 94.5");
            }
        }
        try
        {
            await measures.RecordAsync(Id, new RecordObservation(period, value, Input.Note), Actor, ct);
            this.Succeeded("Value saved");
            return Redirect($"{SystemHome}/measures/{Id}");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e);
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var detail = await measures.GetAsync(Id, ct);
        if (!Actor.IsConvenor && !Actor.CanContributeFor(detail.Measure.OwnerOrganisationId))
        {
            throw new ForbiddenException("Only the organisation that owns the data, or a convenor, can record it.");
        }
        MeasureName = detail.Measure.Name;
        Unit = detail.Measure.Unit;
    }
}
