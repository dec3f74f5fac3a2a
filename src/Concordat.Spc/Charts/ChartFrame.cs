namespace Concordat.Spc.Charts;

/// <summary>Where the plot sits in the SVG and how points and values map onto it.</summary>
internal sealed record ChartFrame(double Left, double Right, double Top, double Bottom, int PointCount, AxisScale Scale)
{
    /// <summary>Room inside the plot's left and right edges, so end points are not cut in half.</summary>
    private const double Inset = 8;

    public static ChartFrame ForChart(XmrAnalysis analysis, int width, int height, bool hasTitle, bool hasNote, IEnumerable<double?>? alsoShown = null)
    {
        var extra = alsoShown?.OfType<double>().ToList() ?? [];
        return new(64, width - 16, hasTitle ? 30 : 12, height - (hasNote ? 52 : 36), analysis.Count,
            AxisScale.Covering(extra.Append(Low(analysis, true)).Min(), extra.Append(High(analysis, true)).Max()));
    }

    public static ChartFrame ForSparkline(XmrAnalysis analysis, int width, int height)
    {
        // The sparkline fits the values exactly (no nice ticks): it has no axis to read them from.
        var (low, high) = (Low(analysis, false), High(analysis, false));
        var scale = high > low ? new AxisScale(low, high, high - low) : AxisScale.Covering(low, high);
        return new ChartFrame(-Inset + 3, width - 3 + Inset, 3, height - 3, analysis.Count, scale);
    }

    public double X(int index) =>
        PointCount == 1 ? (Left + Right) / 2 : Left + Inset + (index * (Right - Left - (2 * Inset)) / (PointCount - 1));

    public double Y(double value) => Bottom - ((value - Scale.Minimum) / (Scale.Maximum - Scale.Minimum) * (Bottom - Top));

    private static double Low(XmrAnalysis analysis, bool withLimits) => Extremes(analysis, withLimits).Min();

    private static double High(XmrAnalysis analysis, bool withLimits) => Extremes(analysis, withLimits).Max();

    /// <summary>Every number the chart draws: values, and (for the full chart) limits and target. Never empty.</summary>
    private static IEnumerable<double> Extremes(XmrAnalysis analysis, bool withLimits)
    {
        var any = false;
        foreach (var point in analysis.Points)
        {
            if (point.Value is { } value)
            {
                any = true;
                yield return value;
            }
        }

        foreach (var segment in analysis.Segments)
        {
            if (segment.Mean is { } mean)
            {
                yield return mean;
            }

            if (withLimits && segment.LowerProcessLimit is { } lower && segment.UpperProcessLimit is { } upper)
            {
                yield return lower;
                yield return upper;
            }
        }

        if (withLimits && analysis.Options.Target is { } target)
        {
            any = true;
            yield return target;
        }

        if (!any)
        {
            yield return 0;
        }
    }
}
