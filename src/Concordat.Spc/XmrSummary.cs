namespace Concordat.Spc;

/// <summary>
/// A plain-English reading of an analysis for pages, exports and chart descriptions: what the icons mean for this
/// measure, which rule fired last, whether the target is likely to be met, and whether the limits are provisional.
/// </summary>
public sealed record XmrSummary
{
    /// <summary>What the variation icon (the latest point) says, e.g. "Special cause improvement: the last 8 points are above the mean (241.5)."</summary>
    public required string Variation { get; init; }

    /// <summary>Which rule fired last and when, or that none has.</summary>
    public required string LatestSignal { get; init; }

    /// <summary>What the assurance icon says about the target; null without a target.</summary>
    public string? Assurance { get; init; }

    /// <summary>A caution when limits rest on 12 points or fewer; null otherwise.</summary>
    public string? ShortSegments { get; init; }

    /// <summary>All the sentences, in the order above.</summary>
    public string Text => string.Join(" ", new[] { Variation, LatestSignal, Assurance, ShortSegments }.Where(s => s is not null));

    public override string ToString() => Text;

    /// <summary>Summarises <paramref name="analysis"/>, naming periods and values with <paramref name="labels"/>.</summary>
    /// <exception cref="ArgumentException">The labels do not have one period per point.</exception>
    public static XmrSummary Describe(XmrAnalysis analysis, SpcLabels? labels = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        labels ??= SpcLabels.None;
        labels.CheckFits(analysis);
        return new XmrSummary
        {
            Variation = DescribeVariation(analysis, labels),
            LatestSignal = DescribeLatestSignal(analysis, labels),
            Assurance = DescribeAssurance(analysis, labels),
            ShortSegments = DescribeShortSegments(analysis),
        };
    }

    /// <summary>What a provisional reading adds to an icon's name (see <see cref="XmrAnalysis.IsProvisional"/>).</summary>
    public static readonly string ProvisionalNote = $"provisional: fewer than {XmrSegment.ShortSegmentMaximumPointCount + 1} points";

    /// <summary>
    /// A variation icon's short name, saying so when the reading is provisional:
    /// "Special cause concern (high values) (provisional: fewer than 13 points)".
    /// </summary>
    public static string Describe(VariationIcon icon, bool provisional) => provisional ? $"{Describe(icon)} ({ProvisionalNote})" : Describe(icon);

    /// <summary>A short name for a variation icon, e.g. for its tooltip: "Special cause improvement (high values)".</summary>
    public static string Describe(VariationIcon icon) => icon switch
    {
        VariationIcon.CommonCause => "Common cause variation",
        VariationIcon.ImprovementHigh => "Special cause improvement (high values)",
        VariationIcon.ImprovementLow => "Special cause improvement (low values)",
        VariationIcon.ConcernHigh => "Special cause concern (high values)",
        VariationIcon.ConcernLow => "Special cause concern (low values)",
        VariationIcon.NeitherHigh => "Special cause variation, high values (neither direction is better)",
        VariationIcon.NeitherLow => "Special cause variation, low values (neither direction is better)",
        _ => throw new ArgumentOutOfRangeException(nameof(icon), icon, null),
    };

    /// <summary>A short name for an assurance icon: "Target consistently met" and so on.</summary>
    public static string Describe(AssuranceIcon icon) => icon switch
    {
        AssuranceIcon.ConsistentPass => "Target consistently met",
        AssuranceIcon.ConsistentFail => "Target consistently missed",
        AssuranceIcon.Inconsistent => "Target hit and miss",
        _ => throw new ArgumentOutOfRangeException(nameof(icon), icon, null),
    };

    private static string DescribeVariation(XmrAnalysis analysis, SpcLabels labels)
    {
        var last = analysis.LastPoint;
        var at = labels.Period(last.Index);
        if (last.Value is not { } value)
        {
            return $"Common cause variation: the latest value ({at}) is missing, so the icon shows no special cause.";
        }

        if (last.Rule is not { } rule)
        {
            return $"Common cause variation: the latest point ({at}, {labels.Value(value)}) shows no special cause.";
        }

        var heading = last.PointType switch
        {
            PointType.SpecialCauseImprovement => "Special cause improvement",
            PointType.SpecialCauseConcern => "Special cause concern",
            _ => "Special cause variation (neither direction is better)",
        };
        return $"{heading}: {Evidence(analysis, last, rule, labels)}.";
    }

    /// <summary>The evidence for the last point's rule, counted back from the last point.</summary>
    private static string Evidence(XmrAnalysis analysis, XmrPoint last, SpecialCauseRule rule, SpcLabels labels)
    {
        var segment = analysis.GetSegmentOf(last.Index);
        var high = last.Signal == SignalDirection.High;
        var value = last.Value.GetValueOrDefault();
        switch (rule)
        {
            case SpecialCauseRule.OutsideLimits:
                var limit = (high ? segment.UpperProcessLimit : segment.LowerProcessLimit).GetValueOrDefault();
                return $"the latest point ({labels.Period(last.Index)}, {labels.Value(value)}) is {(high ? "above the upper" : "below the lower")} process limit ({labels.Value(limit)})";
            case SpecialCauseRule.Trend:
                return $"the last {TrailingRun(analysis, segment, (previous, y) => high ? y > previous : y < previous)} points have each {(high ? "risen" : "fallen")} (a trend)";
            case SpecialCauseRule.TwoInThree:
                var line = (high ? segment.UpperTwoSigmaLine : segment.LowerTwoSigmaLine).GetValueOrDefault();
                var close = 0;
                for (var i = Math.Max(segment.Start, last.Index - 2); i <= last.Index; i++)
                {
                    var y = analysis.Points[i].Value.GetValueOrDefault();
                    close += high ? (y > line ? 1 : 0) : (y < line ? 1 : 0);
                }

                return $"{close} of the last 3 points are {(high ? "above the upper" : "below the lower")} 2-sigma line ({labels.Value(line)}), close to the process limit";
            default:
                var mean = segment.Mean.GetValueOrDefault();
                var run = TrailingRun(analysis, segment, (previous, _) => high ? previous > mean : previous < mean);
                return $"the last {run} points are {(high ? "above" : "below")} the mean ({labels.Value(mean)}) (a shift)";
        }
    }

    /// <summary>
    /// How many points, counting back from the last within its segment, form an unbroken run: each satisfies
    /// <paramref name="belongs"/>(previous value, value). The earliest point of the run only has to be present.
    /// </summary>
    private static int TrailingRun(XmrAnalysis analysis, XmrSegment segment, Func<double, double, bool> belongs)
    {
        var run = 1;
        for (var i = analysis.Count - 1; i > segment.Start; i--)
        {
            var (previous, current) = (analysis.Points[i - 1].Value, analysis.Points[i].Value);
            if (previous is null || current is null || !belongs(previous.Value, current.Value))
            {
                return run;
            }

            run++;
        }

        return run;
    }

    private static string DescribeLatestSignal(XmrAnalysis analysis, SpcLabels labels)
    {
        for (var i = analysis.Count - 1; i >= 0; i--)
        {
            var point = analysis.Points[i];
            if (point.Rule is not { } rule)
            {
                continue;
            }

            var what = $"{RuleName(rule)}, {(point.Signal == SignalDirection.High ? "high" : "low")}";
            return i == analysis.Count - 1
                ? $"The last rule to fire was {what}, at the latest point ({labels.Period(i)})."
                : $"The last rule to fire was {what}, at {labels.Period(i)} ({TypeName(point.PointType)}); every point since is common cause.";
        }

        return "No rule has fired: every point is common cause.";
    }

    private static string? DescribeAssurance(XmrAnalysis analysis, SpcLabels labels)
    {
        if (analysis.Options.Target is not { } target)
        {
            return null;
        }

        var t = labels.Value(target);
        var segment = analysis.Segments[^1];
        if (analysis.AssuranceIcon is not { } icon)
        {
            return $"No assurance is given against the target ({t}) because neither direction is better.";
        }

        if (segment.LowerProcessLimit is not { } lower || segment.UpperProcessLimit is not { } upper)
        {
            return $"The process limits cannot be calculated yet, so meeting the target ({t}) is hit and miss: it cannot be assured.";
        }

        var (l, u) = (labels.Value(lower), labels.Value(upper));
        return icon switch
        {
            AssuranceIcon.ConsistentPass =>
                $"The target ({t}) is {(target < lower ? $"below the lower process limit ({l})" : $"above the upper process limit ({u})")}, so it will be met consistently if nothing changes.",
            AssuranceIcon.ConsistentFail =>
                $"The target ({t}) is {(target > upper ? $"above the upper process limit ({u})" : $"below the lower process limit ({l})")}, so it will not be met without a change to the process.",
            _ => $"The target ({t}) is within the process limits ({l} to {u}), so it will be hit and miss: it is not likely to be met consistently.",
        };
    }

    private static string? DescribeShortSegments(XmrAnalysis analysis)
    {
        if (analysis.IsProvisional)
        {
            var last = analysis.Segments[^1];
            return $"The latest limits rest on only {last.PointCount} point{(last.PointCount == 1 ? "" : "s")}, so they and the icons are provisional: Making Data Count shows them only from {XmrSegment.ShortSegmentMaximumPointCount + 1} points.";
        }

        var shortSegments = analysis.Segments.Where(s => s.IsShort).Select(s => s.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return shortSegments.Length == 0
            ? null
            : $"Earlier limits (segment{(shortSegments.Length == 1 ? "" : "s")} {string.Join(", ", shortSegments)}) rest on {XmrSegment.ShortSegmentMaximumPointCount} points or fewer, so they are provisional.";
    }

    private static string RuleName(SpecialCauseRule rule) => rule switch
    {
        SpecialCauseRule.OutsideLimits => "a point outside the process limits",
        SpecialCauseRule.Trend => "a trend (7 points each rising or each falling)",
        SpecialCauseRule.TwoInThree => "two of three points close to a process limit",
        _ => "a shift (7 points on one side of the mean)",
    };

    private static string TypeName(PointType type) => type switch
    {
        PointType.SpecialCauseImprovement => "an improvement",
        PointType.SpecialCauseConcern => "a concern",
        _ => "neither improvement nor concern",
    };
}
