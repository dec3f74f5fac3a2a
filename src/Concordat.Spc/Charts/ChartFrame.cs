namespace Concordat.Spc.Charts;

/// <summary>Where the plot sits in the SVG and how points and values map onto it.</summary>
internal sealed record ChartFrame(double Left, double Right, double Top, double Bottom, int PointCount, AxisScale Scale)
{
    /// <summary>Room inside the plot's left and right edges, so end points are not cut in half.</summary>
    private const double Inset = 8;

    /// <summary>
    /// The plot of a full chart: below the title's lines, right of the value axis (its tick labels and the unit) and
    /// left of the margin that names the lines (<paramref name="lineNames"/>), above the period axis.
    /// </summary>
    public static ChartFrame ForChart(XmrAnalysis analysis, int width, int height, int titleLines, string? unit,
        IEnumerable<string> lineNames, IEnumerable<double?>? alsoShown = null)
    {
        var extra = alsoShown?.OfType<double>().ToList() ?? [];
        var scale = AxisScale.Covering(extra.Append(Low(analysis, true)).Min(), extra.Append(High(analysis, true)).Max());
        var ticks = scale.Ticks().Max(t => ChartText.Width(SpcFormat.Number(t), XmrChart.FontSize));
        var left = 8 + (string.IsNullOrEmpty(unit) ? 0 : XmrChart.LineHeight) + ticks + 8;
        var names = lineNames.Select(n => ChartText.Width(n, XmrChart.FontSize)).DefaultIfEmpty(-10).Max();
        var right = width - 8 - names - 10;
        var top = titleLines == 0 ? 12 : 12 + (titleLines * 18);
        return new(left, right, top, height - 36, analysis.Count, scale);
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
