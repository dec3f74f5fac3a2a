using System.Text;
using Concordat.Core.Tables;
using Concordat.Spc;

namespace Concordat.Core.Measures;

/// <summary>
/// A measure's series as an analyst takes it away: one row per period with its value, what the partners planned
/// for it, and the Making Data Count reading of that point (the mean and process limits it is judged against,
/// whether a special cause rule flags it, and whether those limits are provisional or recalculated). The CSV and
/// XLSX downloads, the API and <c>concordat export measure-data</c> all write these rows.
/// </summary>
public static class MeasureDataTable
{
    public static readonly IReadOnlyList<string> Header =
    [
        "measure", "unit", "period", "period_start", "period_end", "value", "count", "denominator", "lower_ci", "upper_ci", "note", "target", "trajectory",
        "mean", "lower_process_limit", "upper_process_limit", "reading", "rule", "signal", "limits_from", "limits_provisional", "limits_recalculated_because",
    ];

    /// <param name="series">The observations in period order.</param>
    public static Table For(Measure measure, IReadOnlyList<Observation> series, IReadOnlyList<MeasureRebase> rebases, IReadOnlyList<TrajectoryPoint> trajectory)
    {
        if (series.Count == 0)
        {
            return new Table(Header, []);
        }
        var analysis = MeasureService.Analyse(measure, series, rebases);
        var planned = trajectory.ToDictionary(t => t.PeriodStart, t => t.Value);
        var rows = new List<IReadOnlyList<object?>>(series.Count);
        foreach (var point in analysis.Points)
        {
            var o = series[point.Index];
            var segment = analysis.GetSegmentOf(point.Index);
            rows.Add(
            [
                measure.Name, measure.Unit, measure.PeriodInWords(o.PeriodStart), o.PeriodStart, measure.PeriodEnd(o.PeriodStart), o.Value, o.Count, o.Denominator, o.LowerCi, o.UpperCi, o.Note,
                measure.Target, planned.TryGetValue(o.PeriodStart, out var plannedValue) ? plannedValue : null,
                point.Mean, point.LowerProcessLimit, point.UpperProcessLimit, point.PointType.InWords(), point.Rule?.InWords(), point.Signal?.InWords(),
                series[segment.Start].PeriodStart, segment.IsShort, RecalculatedBecause(series, rebases, segment),
            ]);
        }
        return new Table(Header, rows);
    }

    /// <summary>
    /// The reason of the recalculation point that starts the segment: the latest one after the previous period and on
    /// or before the segment's first (as <see cref="MeasureService.Analyse"/> places them). Null for the first segment.
    /// </summary>
    private static string? RecalculatedBecause(IReadOnlyList<Observation> series, IReadOnlyList<MeasureRebase> rebases, XmrSegment segment) =>
        segment.Start == 0 ? null : rebases
            .Where(r => r.PeriodStart > series[segment.Start - 1].PeriodStart && r.PeriodStart <= series[segment.Start].PeriodStart)
            .MaxBy(r => r.PeriodStart)?.Reason;

    /// <summary>A file name from the measure's name, like <c>four-hour-a-e-performance.csv</c>.</summary>
    public static string FileName(Measure measure, string extension)
    {
        var name = new StringBuilder();
        foreach (var c in measure.Name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                name.Append(c);
            }
            else if (name.Length > 0 && name[^1] != '-')
            {
                name.Append('-');
            }
        }
        var stem = name.ToString(0, Math.Min(name.Length, 60)).Trim('-');
        return (stem.Length == 0 ? "measure" : stem) + "." + extension;
    }
}
