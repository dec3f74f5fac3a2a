using System.Globalization;
using Concordat.Core.Measures;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Measures;

/// <summary>Leads who steward a measure set its target relative to a baseline, in the words it was agreed in.</summary>
public sealed class MeasureTargetModel(MeasureService measures) : EditPageModel
{
    public sealed class TargetForm
    {
        public RelativeTargetKind? Kind { get; set; }

        /// <summary>As typed, so that a number that cannot be read is reported, not lost.</summary>
        public string? Amount { get; set; }
        public string? Reference { get; set; }
        public string? Baseline { get; set; }
        public string? By { get; set; }
    }

    [BindProperty]
    public TargetForm Input { get; set; } = new();

    public string CurrentName { get; private set; } = "";
    public string? CurrentInWords { get; private set; }
    public string PeriodHint { get; private set; } = "";

    public IEnumerable<SelectListItem> KindOptions => MeasureForm.Options(Input.Kind, [.. Enum.GetValues<RelativeTargetKind>().Select(k => (k, k.InWords()))]);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var detail = await LoadAsync(ct);
        var m = detail.Measure;
        if (m.RelativeTarget is { } target)
        {
            Input = new TargetForm
            {
                Kind = target.Kind, Amount = target.Amount.ToString(CultureInfo.InvariantCulture), Reference = target.Reference,
                Baseline = m.PeriodInWords(target.Baseline), By = m.PeriodInWords(target.By),
            };
        }
        Version = m.Version;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        double? amount = null;
        if (!string.IsNullOrWhiteSpace(Input.Amount))
        {
            // Unreadable text goes on as an impossible number, so the service names the field with every other problem.
            amount = double.TryParse(Input.Amount.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var a) ? a : double.NaN;
        }
        var input = new SetRelativeTarget(Input.Kind, amount, Input.Reference, Input.Baseline, Input.By);
        return await SaveAsync(() => measures.SetRelativeTargetAsync(Id, input, Version, Actor, ct), "Target saved", $"{SystemHome}/measures/{Id}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return await SaveAsync(() => measures.RemoveRelativeTargetAsync(Id, Version, Actor, ct), "Target removed", $"{SystemHome}/measures/{Id}");
    }

    private async Task<MeasureDetail> LoadAsync(CancellationToken ct)
    {
        var detail = await measures.GetAsync(Id, ct);
        detail.Measure.RequireSteward(Actor, "set its target");
        CurrentName = detail.Measure.Name;
        CurrentInWords = detail.RelativeTargetInWords;
        PeriodHint = $"As the data is published, like {Period.Example(detail.Measure.Frequency, detail.Measure.PoolYears ?? 3)}";
        return detail;
    }
}
