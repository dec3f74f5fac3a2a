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
/// invented, shaped like the real series, and labelled so. Two measures show periods as public data keeps them: life
/// expectancy in three-year pooled periods (2018 - 20), with a target agreed relative to its 2018 - 20 baseline, and a
/// good level of development at the end of reception by academic year (2023/24), not collected in 2019/20 and 2020/21.
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

        var lifeExpectancy = await AddAsync(c, c.HypertensionGoalId, c.IcbLead, new SaveMeasure("Life expectancy at birth, males, Eastvale",
            "Average years a baby boy born in Eastvale would live at the death rates of the three years pooled, as OHID publishes it.",
            "years", MeasureFrequency.PooledYears, ImprovementDirection.Increase, null, Source, c.Icb)
        {
            Format = MeasureFormat.Number, SourceKind = MeasureSourceKind.Local, Geography = MeasureGeography.System, PoolYears = 3,
        }, LifeExpectancy(c.Today), ct);
        await measures.SetRelativeTargetAsync(lifeExpectancy.Id, new SetRelativeTarget(RelativeTargetKind.ChangeBy, 2, null, "2018 - 20", "2028 - 30"),
            lifeExpectancy.Version, c.IcbLead, ct);

        await AddAsync(c, c.MentalHealthGoalId, c.CommunityLead, new SaveMeasure("Children with a good level of development at the end of reception, Eastvale",
            "Children at the end of reception assessed as reaching a good level of development in the early years foundation stage profile, divided by all assessed.",
            "%", MeasureFrequency.AcademicYear, ImprovementDirection.Increase, 75, Source, c.Community)
        {
            Format = MeasureFormat.Percentage, SourceKind = MeasureSourceKind.Local, Geography = MeasureGeography.System,
            ReleasedEvery = ReleaseCadence.Annual, ReleaseLag = 3, ReleaseLagUnit = LagUnit.Months,
        }, GoodLevelOfDevelopment(c.Today), ct);
    }

    /// <summary>How many values the demo's public-health series have by <paramref name="today"/>: they grow as releases fall due.</summary>
    internal static int PublishedByToday(DateOnly today) => LifeExpectancy(today).Count + GoodLevelOfDevelopment(today).Count;

    /// <summary>Three-year pools from 2006 - 08 to the newest published by today (18 months after a pool ends): rising, then the pandemic's fall.</summary>
    private static List<(string Period, double Value)> LifeExpectancy(DateOnly today)
    {
        var rows = new List<(string, double)>();
        for (var start = 2006; new DateOnly(start + 2, 12, 31).AddMonths(18) <= today; start++)
        {
            var covidYears = Enumerable.Range(start, 3).Count(y => y is 2020 or 2021);
            rows.Add(($"{start} - {(start + 2) % 100:00}", Math.Round(76.4 + (0.22 * Math.Min(start - 2006, 8)) + (0.05 * Math.Max(start - 2014, 0)) - (0.45 * covidYears), 1)));
        }
        return rows;
    }

    /// <summary>Academic years from 2013/14 to the newest published by today (three months after the year ends), without the two years not collected.</summary>
    private static List<(string Period, double Value)> GoodLevelOfDevelopment(DateOnly today)
    {
        double[] shape = [59.8, 65.9, 68.7, 70.2, 71.0, 71.3];
        var rows = new List<(string, double)>();
        for (var year = 2013; new DateOnly(year + 1, 8, 31).AddMonths(3) <= today; year++)
        {
            if (year is 2019 or 2020)
            {
                continue;
            }
            var value = year < 2019 ? shape[year - 2013] : Math.Min(64.6 + (0.9 * (year - 2021)), 72);
            rows.Add(($"{year}/{(year + 1) % 100:00}", value));
        }
        return rows;
    }

    private Task<Measure> AddAsync(Context c, Guid goalId, Actor ownersLead, SaveMeasure definition, DateOnly first, Func<int, double> value, CancellationToken ct) =>
        AddAsync(c, goalId, ownersLead, definition, [.. Enumerable.Range(0, Months).Select(i => (first.AddMonths(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), value(i)))], ct);

    private async Task<Measure> AddAsync(Context c, Guid goalId, Actor ownersLead, SaveMeasure definition, List<(string Period, double Value)> rows, CancellationToken ct)
    {
        var measure = await measures.CreateAsync(definition, ownersLead, ct);
        var csv = "period,value\n" + string.Concat(rows.Select(r => FormattableString.Invariant($"{r.Period},{r.Value}\n")));
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv));
        var plan = await importer.PlanAsync(stream, "demo.csv", measure.Id, new FileChoice(), ImportLimits.None, ownersLead, ct);
        if (!plan.IsValid)
        {
            throw new InvalidOperationException($"The demo data for {definition.Name} does not import: " + string.Join("; ", plan.Problems));
        }
        await importer.ApplyAsync(plan, ownersLead, null, ct);
        await measures.LinkToGoalAsync(measure.Id, goalId, c.Convenor, ct);
        return measure;
    }
}
