using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Concordat.Core.Access;
using Concordat.Core.Measures;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Measures;

public sealed class RecordModel(MeasureService measures, MeasureDataService data) : SystemPageModel
{
    public sealed class ObservationForm
    {
        [Display(Name = "Start of the period")]
        public DateOnly? PeriodStart { get; set; }
        public string? Value { get; set; }
        public string? Count { get; set; }
        public string? Denominator { get; set; }
        public string? LowerCi { get; set; }
        public string? UpperCi { get; set; }
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
        ModelState.ClearExceptDates();
        var period = Input.PeriodStart;
        double? Number(string? text, string field, string message)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }
            if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n))
            {
                return n;
            }
            ModelState.AddModelError("Input." + field, message);
            return double.NaN;
        }
        var value = Number(Input.Value, "Value", "Value must be a number, like 94.5");
        try
        {
            await data.RecordAsync(Id, new RecordObservation(period, value, Input.Note)
            {
                Count = Number(Input.Count, "Count", "Count must be a number, like 915"),
                Denominator = Number(Input.Denominator, "Denominator", "Denominator must be a number, like 1000"),
                LowerCi = Number(Input.LowerCi, "LowerCi", "Lower confidence limit must be a number, like 91.2"),
                UpperCi = Number(Input.UpperCi, "UpperCi", "Upper confidence limit must be a number, like 93.8"),
            }, Actor, ct);
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
        Measure.RequireDataContributor(Actor, detail.Measure.OwnerOrganisationId, "record it");
        MeasureName = detail.Measure.Name;
        Unit = detail.Measure.Unit;
    }
}
