namespace Concordat.Spc.Charts;

/// <summary>
/// Draws an analysis as an SVG XmR chart in the Making Data Count style: the data line and one dot per value
/// coloured by point type, each segment's mean (solid) and process limits (dashed) broken at every rebase, an
/// optional target line, period labels on the x axis and the unit on the value axis. The SVG is accessible
/// (<c>role="img"</c>, a <c>&lt;title&gt;</c> and a <c>&lt;desc&gt;</c> that reads the analysis in words),
/// deterministic (same input, same bytes) and small (no scripts, no styles, coordinates to 0.1 px).
/// </summary>
public static class XmrChart
{
    private const string FontFamily = "Arial,Helvetica,sans-serif";
    private const double PointRadius = 3.5;

    /// <summary>
    /// Every word on the chart is at least this size: a page shows the chart at its own size or larger, never
    /// smaller, so that no text reads below 12 px (a phone gets a narrower chart, not a shrunken one).
    /// </summary>
    internal const double FontSize = 12;

    internal const double LineHeight = 16;

    private const double TitleSize = 14;

    /// <summary>The full chart.</summary>
    /// <exception cref="ArgumentException">The labels do not have one period per point.</exception>
    public static string ToSvg(XmrAnalysis analysis, XmrChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        options ??= new XmrChartOptions();
        var labels = options.Labels;
        labels.CheckFits(analysis);
        if (!options.Trajectory.IsEmpty && options.Trajectory.Length != analysis.Count)
        {
            throw new ArgumentException($"The trajectory has {options.Trajectory.Length} values for {analysis.Count} points; give one per point (null where none is planned).", nameof(options));
        }

        if (options.Annotations.Any(a => a.Last >= analysis.Count))
        {
            throw new ArgumentException($"An annotation ends after the last of the {analysis.Count} points.", nameof(options));
        }

        var width = options.Width;
        var title = options.Title ?? labels.MeasureName;
        var titleLines = title is null ? [] : ChartText.Wrap(title, width - 16, TitleSize, bold: true);
        var lineLabels = LineLabels(analysis, options.Trajectory);
        var note = analysis.HasShortSegment
            ? ChartText.Wrap($"Note: limits on {XmrSegment.ShortSegmentMaximumPointCount} points or fewer are provisional (Making Data Count shows them from {XmrSegment.ShortSegmentMaximumPointCount + 1}).", width - 16, FontSize)
            : [];
        var frame = ChartFrame.ForChart(analysis, width, options.Height, titleLines.Count, labels.Unit, lineLabels.Select(l => l.Text), options.Trajectory);
        var key = ChartKey.For(analysis, options.Trajectory, width);
        var annotationLines = options.Annotations.Select(a => ChartText.Wrap(a.Label, width - 16, FontSize)).ToList();
        var annotationsTop = frame.Bottom + 26;
        var noteTop = annotationLines.Count == 0 ? frame.Bottom + 22 : annotationsTop + (annotationLines.Sum(l => l.Count + 0.5) * LineHeight);
        var keyTop = noteTop + (note.Count * LineHeight) + 10;
        var height = (int)Math.Ceiling(keyTop + key.Height + 6);

        var svg = new SvgWriter();
        StartSvg(svg, width, height, options.IdPrefix, title ?? "XmR chart", Describe(analysis, labels, options.Annotations));
        for (var i = 0; i < titleLines.Count; i++)
        {
            svg.TextElement("text", titleLines[i], ("x", "8"), ("y", SvgWriter.Number(18 + (i * 18))), ("font-size", SvgWriter.Number(TitleSize)), ("font-weight", "bold"));
        }

        DrawValueAxis(svg, frame, labels.Unit);
        DrawAnnotations(svg, options.Annotations, annotationLines, frame, annotationsTop, labels);
        DrawSegments(svg, analysis, frame);
        DrawTarget(svg, analysis, frame);
        DrawTrajectory(svg, options.Trajectory, frame);
        DrawDataLine(svg, analysis, frame, SpcColours.DataLine, 1.5);
        DrawPoints(svg, analysis, frame, PointRadius, everyPoint: true);
        DrawPeriodAxis(svg, analysis, frame, labels);
        DrawLineLabels(svg, lineLabels, frame);
        for (var i = 0; i < note.Count; i++)
        {
            svg.TextElement("text", note[i], ("x", "8"), ("y", SvgWriter.Number(noteTop + (i * LineHeight) + FontSize)));
        }

        key.Draw(svg, keyTop);
        svg.End("svg");
        return svg.ToString();
    }

    /// <summary>
    /// A sparkline: the data line, each segment's mean, and dots for the special-cause points and the last point.
    /// No axes or labels; the accessible description carries the reading.
    /// </summary>
    /// <exception cref="ArgumentException">The labels do not have one period per point.</exception>
    public static string ToSparklineSvg(XmrAnalysis analysis, XmrSparklineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        options ??= new XmrSparklineOptions();
        options.Labels.CheckFits(analysis);

        var frame = ChartFrame.ForSparkline(analysis, options.Width, options.Height);
        var svg = new SvgWriter();
        StartSvg(svg, options.Width, options.Height, options.IdPrefix, options.Title ?? options.Labels.MeasureName ?? "Sparkline", Describe(analysis, options.Labels));
        foreach (var segment in analysis.Segments)
        {
            if (segment.Mean is { } mean)
            {
                HorizontalLine(svg, frame, segment, mean, SpcColours.CommonCause, dashed: false, width: 0.75);
            }
        }

        DrawDataLine(svg, analysis, frame, SpcColours.CommonCause, 1);
        DrawPoints(svg, analysis, frame, 2, everyPoint: false);
        svg.End("svg");
        return svg.ToString();
    }

    /// <summary>The accessible description: the plain-English summary, then what the chart shows.</summary>
    internal static string Describe(XmrAnalysis analysis, SpcLabels labels, IReadOnlyList<XmrAnnotation>? annotations = null)
    {
        var summary = XmrSummary.Describe(analysis, labels).Text;
        var count = analysis.Count;
        var span = count == 1 ? $"1 point ({labels.Period(0)})" : $"{count} points from {labels.Period(0)} to {labels.Period(count - 1)}";
        var segments = analysis.Segments;
        var rebases = segments.Length == 1
            ? ""
            : $", with limits recalculated at {string.Join(", ", segments.Skip(1).Select(s => labels.Period(s.Start)))}";
        var last = segments[^1];
        var limits = last.LowerProcessLimit is { } lower && last.UpperProcessLimit is { } upper
            ? $"; the latest mean is {labels.Value(last.Mean.GetValueOrDefault())} with process limits {labels.Value(lower)} to {labels.Value(upper)}"
            : last.Mean is { } m ? $"; the latest mean is {labels.Value(m)} (no process limits yet)" : "";
        var target = analysis.Options.Target is { } t ? $", and the target is {labels.Value(t)}" : "";
        var marked = annotations is null || annotations.Count == 0
            ? ""
            : " Shaded spans mark " + string.Join("; ", annotations.Select(a => $"{a.Label} ({Span(labels, a)})")) + ".";
        return $"{summary} The chart shows {span}{rebases}{limits}{target}.{marked}";
    }

    private static string Span(SpcLabels labels, XmrAnnotation a) =>
        a.First == a.Last ? labels.Period(a.First) : $"{labels.Period(a.First)} to {labels.Period(a.Last)}";

    /// <summary>
    /// Each annotation shaded over the plot across its periods, and below the period axis a bracket over the same
    /// span with the label under it, one annotation to a row, so overlapping spans stay told apart in words.
    /// </summary>
    private static void DrawAnnotations(SvgWriter svg, IReadOnlyList<XmrAnnotation> annotations, List<List<string>> lines, ChartFrame frame, double top, SpcLabels labels)
    {
        if (annotations.Count == 0)
        {
            return;
        }

        var half = frame.PointCount == 1 ? 8 : (frame.X(1) - frame.X(0)) / 2;
        svg.Start("g").Attribute("class", "spc-annotations").Open();
        var y = top;
        for (var i = 0; i < annotations.Count; i++)
        {
            var a = annotations[i];
            var left = Math.Max(frame.Left, frame.X(a.First) - half);
            var right = Math.Min(frame.Right, frame.X(a.Last) + half);
            svg.Start("g").Attribute("class", "spc-annotation").Open();
            svg.TextElement("title", $"{a.Label} ({Span(labels, a)})");
            svg.Start("rect").Attribute("x", left).Attribute("y", frame.Top).Attribute("width", right - left).Attribute("height", frame.Bottom - frame.Top)
                .Attribute("fill", SpcColours.Annotation).Attribute("fill-opacity", "0.08").Empty();
            svg.Start("path").Attribute("d", $"M{SvgWriter.Number(left)} {SvgWriter.Number(y - 4)}V{SvgWriter.Number(y)}H{SvgWriter.Number(right)}V{SvgWriter.Number(y - 4)}")
                .Attribute("fill", "none").Attribute("stroke", SpcColours.Annotation).Attribute("stroke-width", "1.5").Empty();
            var widest = lines[i].Max(l => ChartText.Width(l, FontSize));
            var x = Math.Max(8, Math.Min(left, frame.Right + 8 - widest));
            foreach (var line in lines[i])
            {
                y += LineHeight;
                svg.TextElement("text", line, ("x", SvgWriter.Number(x)), ("y", SvgWriter.Number(y - 3)));
            }

            y += LineHeight / 2;
            svg.End("g");
        }

        svg.End("g");
    }

    private static void StartSvg(SvgWriter svg, int width, int height, string idPrefix, string title, string description)
    {
        svg.Start("svg")
            .Attribute("xmlns", "http://www.w3.org/2000/svg")
            .Attribute("viewBox", $"0 0 {width} {height}")
            .Attribute("width", width)
            .Attribute("height", height)
            .Attribute("role", "img")
            .Attribute("aria-labelledby", idPrefix + "-title")
            .Attribute("aria-describedby", idPrefix + "-desc")
            .Attribute("font-family", FontFamily)
            .Attribute("font-size", SvgWriter.Number(FontSize))
            .Attribute("fill", SpcColours.Text)
            .Open();
        svg.TextElement("title", title, ("id", idPrefix + "-title"));
        svg.TextElement("desc", description, ("id", idPrefix + "-desc"));
    }

    private static void DrawValueAxis(SvgWriter svg, ChartFrame frame, string? unit)
    {
        svg.Start("g").Attribute("stroke", SpcColours.Grid).Open();
        foreach (var tick in frame.Scale.Ticks())
        {
            svg.Start("path").Attribute("d", $"M{SvgWriter.Number(frame.Left)} {SvgWriter.Number(frame.Y(tick))}H{SvgWriter.Number(frame.Right)}").Empty();
        }

        svg.End("g");
        svg.Start("g").Attribute("text-anchor", "end").Open();
        foreach (var tick in frame.Scale.Ticks())
        {
            svg.TextElement("text", SpcFormat.Number(tick), ("x", SvgWriter.Number(frame.Left - 6)), ("y", SvgWriter.Number(frame.Y(tick) + 4)));
        }

        svg.End("g");
        if (!string.IsNullOrEmpty(unit))
        {
            var middle = SvgWriter.Number((frame.Top + frame.Bottom) / 2);
            svg.TextElement("text", unit, ("transform", $"translate(20 {middle}) rotate(-90)"), ("text-anchor", "middle"));
        }
    }

    /// <summary>Each segment's mean and limits, drawn over its own points only, so the lines break at every rebase.</summary>
    private static void DrawSegments(SvgWriter svg, XmrAnalysis analysis, ChartFrame frame)
    {
        foreach (var segment in analysis.Segments)
        {
            if (segment.Number > 0)
            {
                var x = SvgWriter.Number((frame.X(segment.Start - 1) + frame.X(segment.Start)) / 2);
                svg.Start("path").Attribute("d", $"M{x} {SvgWriter.Number(frame.Top)}V{SvgWriter.Number(frame.Bottom)}")
                    .Attribute("stroke", SpcColours.DataLine).Attribute("stroke-dasharray", "2 3").Empty();
            }

            if (segment.Mean is { } mean)
            {
                HorizontalLine(svg, frame, segment, mean, SpcColours.Mean, dashed: false, width: 1.25, "spc-mean");
            }

            if (segment.LowerProcessLimit is { } lower && segment.UpperProcessLimit is { } upper)
            {
                HorizontalLine(svg, frame, segment, lower, SpcColours.ProcessLimit, dashed: true, width: 1, "spc-limit");
                HorizontalLine(svg, frame, segment, upper, SpcColours.ProcessLimit, dashed: true, width: 1, "spc-limit");
            }
        }
    }

    private static void HorizontalLine(SvgWriter svg, ChartFrame frame, XmrSegment segment, double value, string colour, bool dashed, double width, string? className = null)
    {
        // A one-point segment still gets a visible stub.
        var (from, to) = segment.PointCount == 1
            ? (frame.X(segment.Start) - 4, frame.X(segment.Start) + 4)
            : (frame.X(segment.Start), frame.X(segment.End));
        svg.Start("path")
            .Attribute("d", $"M{SvgWriter.Number(from)} {SvgWriter.Number(frame.Y(value))}H{SvgWriter.Number(to)}")
            .Attribute("stroke", colour);
        if (className is not null)
        {
            svg.Attribute("class", className);
        }

        if (width != 1)
        {
            svg.Attribute("stroke-width", width);
        }

        if (dashed)
        {
            svg.Attribute("stroke-dasharray", "5 3");
        }

        svg.Empty();
    }

    private static void DrawTarget(SvgWriter svg, XmrAnalysis analysis, ChartFrame frame)
    {
        if (analysis.Options.Target is not { } target)
        {
            return;
        }

        var y = frame.Y(target);
        svg.Start("path").Attribute("d", $"M{SvgWriter.Number(frame.Left)} {SvgWriter.Number(y)}H{SvgWriter.Number(frame.Right)}")
            .Attribute("class", "spc-target").Attribute("stroke", SpcColours.Target).Attribute("stroke-dasharray", "8 4").Empty();
    }

    /// <summary>The trajectory as steps: each planned value holds for its period, broken where nothing is planned.</summary>
    private static void DrawTrajectory(SvgWriter svg, System.Collections.Immutable.ImmutableArray<double?> trajectory, ChartFrame frame)
    {
        if (trajectory.IsEmpty || trajectory.All(v => v is null))
        {
            return;
        }

        var half = frame.PointCount == 1 ? 8 : (frame.X(1) - frame.X(0)) / 2;
        var path = new System.Text.StringBuilder();
        double? previous = null;
        for (var i = 0; i < trajectory.Length; i++)
        {
            if (trajectory[i] is not { } value)
            {
                previous = null;
                continue;
            }

            var y = SvgWriter.Number(frame.Y(value));
            path.Append(previous is null ? 'M' : 'L').Append(SvgWriter.Number(frame.X(i) - half)).Append(' ').Append(y)
                .Append('H').Append(SvgWriter.Number(frame.X(i) + half));
            previous = value;
        }

        svg.Start("path").Attribute("d", path.ToString()).Attribute("class", "spc-trajectory").Attribute("fill", "none").Attribute("stroke", SpcColours.Target)
            .Attribute("stroke-dasharray", "2 3").Attribute("stroke-width", "2").Empty();
    }

    /// <summary>
    /// The lines to name beside the plot, each at the height where it ends: the latest segment's mean and process
    /// limits, the target and the trajectory's last planned value.
    /// </summary>
    private static List<LineLabel> LineLabels(XmrAnalysis analysis, System.Collections.Immutable.ImmutableArray<double?> trajectory)
    {
        var lines = new List<LineLabel>();
        var last = analysis.Segments[^1];
        if (last.UpperProcessLimit is { } upper && last.LowerProcessLimit is { } lower)
        {
            lines.Add(new("Upper limit", upper, SpcColours.ProcessLimit));
            lines.Add(new("Lower limit", lower, SpcColours.ProcessLimit));
        }

        if (last.Mean is { } mean)
        {
            lines.Add(new("Mean", mean, SpcColours.Mean));
        }

        if (analysis.Options.Target is { } target)
        {
            lines.Add(new("Target", target, SpcColours.Target));
        }

        if (trajectory.LastOrDefault(v => v is not null) is { } planned)
        {
            lines.Add(new("Trajectory", planned, SpcColours.Target));
        }

        return lines;
    }

    /// <summary>
    /// Each line's name in the margin right of the plot, never on a line or on another name: the names keep the order
    /// of their lines' heights, and those that would touch are pushed apart, each joined to its line's end by a
    /// short leader.
    /// </summary>
    private static void DrawLineLabels(SvgWriter svg, List<LineLabel> lines, ChartFrame frame)
    {
        if (lines.Count == 0)
        {
            return;
        }

        var placed = lines.Select(l => (Label: l, LineY: frame.Y(l.Value))).OrderBy(p => p.LineY).ThenBy(p => p.Label.Text, StringComparer.Ordinal).ToList();
        var ys = ChartText.Spread([.. placed.Select(p => p.LineY)], LineHeight, frame.Top, frame.Bottom);
        var x = frame.Right + 10;
        svg.Start("g").Attribute("class", "spc-labels").Open();
        for (var i = 0; i < placed.Count; i++)
        {
            var (label, lineY) = placed[i];
            svg.Start("path").Attribute("d", $"M{SvgWriter.Number(frame.Right + 1)} {SvgWriter.Number(lineY)}L{SvgWriter.Number(x - 2)} {SvgWriter.Number(ys[i])}")
                .Attribute("stroke", SpcColours.DataLine).Empty();
            svg.TextElement("text", label.Text, ("x", SvgWriter.Number(x)), ("y", SvgWriter.Number(ys[i] + (FontSize * 0.35))), ("fill", label.Colour));
        }

        svg.End("g");
    }

    private sealed record LineLabel(string Text, double Value, string Colour);

    /// <summary>The data line, broken at missing values rather than bridging them.</summary>
    private static void DrawDataLine(SvgWriter svg, XmrAnalysis analysis, ChartFrame frame, string colour, double width)
    {
        var path = new System.Text.StringBuilder();
        var drawing = false;
        foreach (var point in analysis.Points)
        {
            if (point.Value is not { } value)
            {
                drawing = false;
                continue;
            }

            path.Append(drawing ? 'L' : 'M').Append(SvgWriter.Number(frame.X(point.Index))).Append(' ').Append(SvgWriter.Number(frame.Y(value)));
            drawing = true;
        }

        if (path.Length > 0)
        {
            svg.Start("path").Attribute("d", path.ToString()).Attribute("fill", "none").Attribute("stroke", colour)
                .Attribute("stroke-width", width).Attribute("stroke-linejoin", "round").Empty();
        }
    }

    /// <summary>One dot per value (none for a missing value), filled with its point type's colour.</summary>
    private static void DrawPoints(SvgWriter svg, XmrAnalysis analysis, ChartFrame frame, double radius, bool everyPoint)
    {
        svg.Start("g").Attribute("class", "spc-points").Open();
        var last = analysis.Count - 1;
        foreach (var point in analysis.Points)
        {
            if (point.Value is not { } value || (!everyPoint && !point.IsSpecialCause && point.Index != last))
            {
                continue;
            }

            svg.Start("circle")
                .Attribute("cx", frame.X(point.Index))
                .Attribute("cy", frame.Y(value))
                .Attribute("r", radius)
                .Attribute("fill", SpcColours.Of(point.PointType))
                .Empty();
        }

        svg.End("g");
    }

    /// <summary>Period labels, thinned to every k-th point so that they never overlap.</summary>
    private static void DrawPeriodAxis(SvgWriter svg, XmrAnalysis analysis, ChartFrame frame, SpcLabels labels)
    {
        var count = analysis.Count;
        var longest = Enumerable.Range(0, count).Max(i => labels.Period(i).Length);
        var fits = Math.Max(1, (int)((frame.Right - frame.Left) / ((longest * ChartText.CharacterWidth * FontSize) + 10)));
        var every = (count + fits - 1) / fits;
        var y = SvgWriter.Number(frame.Bottom + 16);
        svg.Start("g").Attribute("text-anchor", "middle").Open();
        for (var i = 0; i < count; i += every)
        {
            svg.TextElement("text", labels.Period(i), ("x", SvgWriter.Number(frame.X(i))), ("y", y));
        }

        svg.End("g");
    }
}
