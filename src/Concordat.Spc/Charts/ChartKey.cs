namespace Concordat.Spc.Charts;

/// <summary>
/// The key below the chart: what each colour of point means (only the kinds of point the chart has) and each line
/// (mean, process limits, and the target and trajectory where there are any), laid out in rows that fit the width.
/// </summary>
internal sealed class ChartKey
{
    private const double Swatch = 18;
    private const double RowGap = 4;

    private readonly List<(Entry Entry, List<string> Lines, double X, double Y)> _placed = [];

    /// <summary>Entries left to right, a new row when the next would not fit; a name too long for the width wraps.</summary>
    private ChartKey(List<Entry> entries, int width)
    {
        double x = 8, y = 0, rowHeight = 0;
        foreach (var entry in entries)
        {
            var lines = ChartText.Wrap(entry.Text, width - 16 - Swatch - 6, XmrChart.FontSize);
            var entryWidth = Swatch + 6 + lines.Max(l => ChartText.Width(l, XmrChart.FontSize));
            if (x > 8 && x + entryWidth > width - 8)
            {
                y += rowHeight + RowGap;
                (x, rowHeight) = (8, 0);
            }

            _placed.Add((entry, lines, x, y));
            rowHeight = Math.Max(rowHeight, lines.Count * XmrChart.LineHeight);
            x += entryWidth + 16;
        }

        Height = y + rowHeight;
    }

    public double Height { get; }

    public static ChartKey For(XmrAnalysis analysis, System.Collections.Immutable.ImmutableArray<double?> trajectory, int width)
    {
        var types = analysis.Points.Where(p => p.Value is not null).Select(p => p.PointType).ToHashSet();
        var entries = new List<Entry>();
        foreach (var (type, text) in new[]
        {
            (PointType.SpecialCauseImprovement, "Special cause improvement"),
            (PointType.SpecialCauseConcern, "Special cause concern"),
            (PointType.SpecialCauseNeither, "Special cause, neither improvement nor concern"),
            (PointType.CommonCause, "Common cause variation"),
        })
        {
            if (types.Contains(type))
            {
                entries.Add(new(text, SpcColours.Of(type), Kind.Point));
            }
        }

        if (analysis.Segments.Any(s => s.Mean is not null))
        {
            entries.Add(new("Mean", SpcColours.Mean, Kind.Mean));
        }

        if (analysis.Segments.Any(s => s.UpperProcessLimit is not null))
        {
            entries.Add(new("Process limits", SpcColours.ProcessLimit, Kind.Limit));
        }

        if (analysis.Options.Target is not null)
        {
            entries.Add(new("Target", SpcColours.Target, Kind.Target));
        }

        if (trajectory.Any(v => v is not null))
        {
            entries.Add(new("Trajectory", SpcColours.Target, Kind.Trajectory));
        }

        return new ChartKey(entries, width);
    }

    public void Draw(SvgWriter svg, double top)
    {
        svg.Start("g").Attribute("class", "spc-key").Open();
        foreach (var (entry, lines, x, y) in _placed)
        {
            var middle = top + y + (XmrChart.LineHeight / 2);
            if (entry.Kind == Kind.Point)
            {
                svg.Start("circle").Attribute("cx", x + (Swatch / 2)).Attribute("cy", middle).Attribute("r", 4).Attribute("fill", entry.Colour).Empty();
            }
            else
            {
                svg.Start("path").Attribute("d", $"M{SvgWriter.Number(x)} {SvgWriter.Number(middle)}H{SvgWriter.Number(x + Swatch)}").Attribute("stroke", entry.Colour);
                _ = entry.Kind switch
                {
                    Kind.Mean => svg.Attribute("stroke-width", 1.25),
                    Kind.Limit => svg.Attribute("stroke-dasharray", "5 3"),
                    Kind.Target => svg.Attribute("stroke-dasharray", "8 4"),
                    _ => svg.Attribute("stroke-dasharray", "2 3").Attribute("stroke-width", 2),
                };
                svg.Empty();
            }

            for (var i = 0; i < lines.Count; i++)
            {
                svg.TextElement("text", lines[i], ("x", SvgWriter.Number(x + Swatch + 6)), ("y", SvgWriter.Number(middle + (i * XmrChart.LineHeight) + (XmrChart.FontSize * 0.35))));
            }
        }

        svg.End("g");
    }

    private enum Kind
    {
        Point,
        Mean,
        Limit,
        Target,
        Trajectory,
    }

    private sealed record Entry(string Text, string Colour, Kind Kind);
}
