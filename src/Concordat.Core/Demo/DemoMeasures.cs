using Concordat.Core.Access;
using Concordat.Core.Measures;
using Concordat.Core.Measures.Import;
using Concordat.Spc;

namespace Concordat.Core.Demo;

/// <summary>
/// A current measure for each demo goal, with monthly data up to last month, so a newcomer sees the
/// three readings Making Data Count teaches: special cause improvement (frailty admissions falling), special cause
/// concern (children and young people waiting longer) and common cause variation that will not reach its target
/// (hypertension treated to target, and four-hour performance beside the real 2016 to 2019 A&amp;E series). The figures are
/// invented, shaped like the real series, and labelled so.
/// </summary>
public sealed class DemoMeasures(MeasureService measures, ObservationImporter importer)
{
    public const string Source = "Illustrative demo data: invented figures shaped like the published series, not real data";

    /// <summary>Two years of months, ending with last month.</summary>
    private const int Months = 24;

    public sealed record Context(DateOnly Today, Actor Convenor, Guid FrailtyGoalId, Guid HypertensionGoalId, Guid MentalHealthGoalId, Guid AeGoalId,
        Guid Icb, Actor IcbLead, Guid Community, Actor CommunityLead, Guid NorthshireTrust, Actor NorthshireTrustLead);

    public async Task CreateAsync(Context c, CancellationToken ct)
    {
        var first = new DateOnly(c.Today.Year, c.Today.Month, 1).AddMonths(-Months);
        // A fixed seed: the demo reads the same on every machine and in every test.
        var noise = new Random(2026);
        double Wobble(double spread) => (noise.NextDouble() - 0.5) * 2 * spread;

        await AddAsync(c, c.FrailtyGoalId, c.IcbLead, new SaveMeasure("Emergency admissions of people aged 75 and over with frailty",
            "Emergency admissions in the month of people aged 75 and over with a moderate or severe electronic frailty index, Northshire and Eastvale.",
            "admissions", MeasureFrequency.Monthly, ImprovementDirection.Decrease, 360, Source, c.Icb)
        {
            Format = MeasureFormat.Count, SourceKind = MeasureSourceKind.Local, Geography = MeasureGeography.System,
        }, first, i => Math.Round((i < 14 ? 430 : 372) + Wobble(9)), ct);

        await AddAsync(c, c.HypertensionGoalId, c.IcbLead, new SaveMeasure("Hypertension treated to target, most deprived 20% of Eastvale",
            "Adults on the hypertension register in the most deprived quintile whose last blood pressure reading was to target, divided by all on the register.",
            "%", MeasureFrequency.Monthly, ImprovementDirection.Increase, 80, Source, c.Icb)
        {
            Format = MeasureFormat.Percentage, SourceKind = MeasureSourceKind.Local, Geography = MeasureGeography.System,
        }, first, _ => Math.Round(63 + Wobble(2.5), 1), ct);

        await AddAsync(c, c.MentalHealthGoalId, c.CommunityLead, new SaveMeasure("Children and young people seen within 4 weeks of referral",
            "Children and young people referred to mental health services who had their first contact within 28 days, divided by all first contacts in the month.",
            "%", MeasureFrequency.Monthly, ImprovementDirection.Increase, 95, Source, c.Community)
        {
            Format = MeasureFormat.Percentage, SourceKind = MeasureSourceKind.Local, Geography = MeasureGeography.System,
        }, first, i => Math.Round((i < 16 ? 71 : 62) + Wobble(2), 1), ct);

        await AddAsync(c, c.AeGoalId, c.NorthshireTrustLead, new SaveMeasure("Four-hour performance, all A&E types, Northshire and Eastvale",
            "Attendances at every type of A&E admitted, transferred or discharged within 4 hours of arrival, divided by all attendances.",
            "%", MeasureFrequency.Monthly, ImprovementDirection.Increase, 78, Source, c.NorthshireTrust)
        {
            Format = MeasureFormat.Percentage, SourceKind = MeasureSourceKind.Local, Geography = MeasureGeography.System,
        }, first, _ => Math.Round(73 + Wobble(2), 1), ct);
    }

    private async Task AddAsync(Context c, Guid goalId, Actor ownersLead, SaveMeasure definition, DateOnly first, Func<int, double> value, CancellationToken ct)
    {
        var measure = await measures.CreateAsync(definition, ownersLead, ct);
        var csv = "period,value\n" + string.Concat(Enumerable.Range(0, Months).Select(i =>
            FormattableString.Invariant($"{first.AddMonths(i):yyyy-MM-dd},{value(i)}\n")));
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv));
        var plan = await importer.PlanAsync(stream, "demo.csv", measure.Id, new FileChoice(), ImportLimits.None, ownersLead, ct);
        if (!plan.IsValid)
        {
            throw new InvalidOperationException($"The demo data for {definition.Name} does not import: " + string.Join("; ", plan.Problems));
        }
        await importer.ApplyAsync(plan, ownersLead, null, ct);
        await measures.LinkToGoalAsync(measure.Id, goalId, c.Convenor, ct);
    }
}
