using Concordat.Core.Measures;
using Concordat.Spc;

namespace Concordat.Web.Pages.Measures;

/// <summary>
/// The Making Data Count summary icons matrix that NHS board reports show: every measure with data placed by its
/// variation (rows) and its assurance (columns), so that concern against a target that will be missed reads first.
/// </summary>
public sealed class MeasureSummaryModel(MeasureService measures) : SystemPageModel
{
    /// <summary>Rows in the measures list's order: special cause concern, neither, common cause, improvement.</summary>
    public static IReadOnlyList<VariationIcon> Variations { get; } =
    [
        VariationIcon.ConcernHigh, VariationIcon.ConcernLow, VariationIcon.NeitherHigh, VariationIcon.NeitherLow,
        VariationIcon.CommonCause, VariationIcon.ImprovementHigh, VariationIcon.ImprovementLow,
    ];

    /// <summary>Columns from worst to best, then measures without an assurance reading (null).</summary>
    public static IReadOnlyList<AssuranceIcon?> Assurances { get; } =
        [AssuranceIcon.ConsistentFail, AssuranceIcon.Inconsistent, AssuranceIcon.ConsistentPass, null];

    public IReadOnlyList<MeasureSummary> Measures { get; private set; } = [];

    public IReadOnlyList<MeasureSummary> WithoutData => Measures.Where(m => m.Variation is null).ToList();

    public async Task OnGetAsync(CancellationToken ct) => Measures = await measures.ListAsync(null, ct);

    /// <summary>The measures in one cell, by name (the list is already in name order within each variation).</summary>
    public IReadOnlyList<MeasureSummary> In(VariationIcon variation, AssuranceIcon? assurance) =>
        Measures.Where(m => m.Variation == variation && m.Assurance == assurance).ToList();

    /// <summary>The batch name of a column, for the cell's data attribute; "none" for no assurance.</summary>
    public static string Name(AssuranceIcon? assurance) => assurance?.ToName() ?? "none";
}
