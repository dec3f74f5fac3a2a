namespace Concordat.Spc.Tests;

/// <summary>What must hold for every analysis, whatever the input.</summary>
internal static class Invariants
{
    public static void Check(XmrAnalysis analysis, IReadOnlyList<double?> values)
    {
        Assert.Equal(values.Count, analysis.Count);
        Assert.Equal(0, analysis.Segments[0].Start);
        Assert.Equal(values.Count - 1, analysis.Segments[^1].End);

        foreach (var segment in analysis.Segments)
        {
            if (segment.HasLimits)
            {
                // Limits and 2-sigma lines are symmetric about the mean, and ordered.
                var mean = segment.Mean!.Value;
                var scale = 1e-9 * Math.Max(1, Math.Max(Math.Abs(mean), segment.MeanMovingRange!.Value));
                Assert.True(Math.Abs(segment.UpperProcessLimit!.Value - mean - (mean - segment.LowerProcessLimit!.Value)) <= scale, "limits symmetric");
                Assert.True(Math.Abs(segment.UpperTwoSigmaLine!.Value - mean - (mean - segment.LowerTwoSigmaLine!.Value)) <= scale, "2-sigma symmetric");
                Assert.True(segment.LowerProcessLimit <= segment.LowerTwoSigmaLine && segment.LowerTwoSigmaLine <= mean);
                Assert.True(mean <= segment.UpperTwoSigmaLine && segment.UpperTwoSigmaLine <= segment.UpperProcessLimit);
            }
        }

        foreach (var point in analysis.Points)
        {
            Assert.Equal(values[point.Index], point.Value);
            var segment = analysis.Segments[point.Segment];
            Assert.InRange(point.Index, segment.Start, segment.End);
            Assert.Equal(segment.Mean, point.Mean);
            Assert.Equal(segment.UpperProcessLimit, point.UpperProcessLimit);
            Assert.Equal(point.Rule is null, point.Signal is null);
            Assert.Equal(ExpectedType(point.Signal, analysis.Options.Improvement), point.PointType);
            if (point.Value is null)
            {
                Assert.Equal(PointType.CommonCause, point.PointType);
            }
        }

        var last = analysis.LastPoint;
        Assert.Equal(ExpectedVariationIcon(last), analysis.VariationIcon);
        Assert.Equal(ExpectedAssuranceIcon(analysis), analysis.AssuranceIcon);
    }

    private static PointType ExpectedType(SignalDirection? signal, ImprovementDirection improvement) => (signal, improvement) switch
    {
        (null, _) => PointType.CommonCause,
        (_, ImprovementDirection.Neither) => PointType.SpecialCauseNeither,
        (SignalDirection.High, ImprovementDirection.Increase) or (SignalDirection.Low, ImprovementDirection.Decrease) => PointType.SpecialCauseImprovement,
        _ => PointType.SpecialCauseConcern,
    };

    private static VariationIcon ExpectedVariationIcon(XmrPoint last) => (last.PointType, last.Signal) switch
    {
        (PointType.SpecialCauseImprovement, SignalDirection.High) => VariationIcon.ImprovementHigh,
        (PointType.SpecialCauseImprovement, SignalDirection.Low) => VariationIcon.ImprovementLow,
        (PointType.SpecialCauseConcern, SignalDirection.High) => VariationIcon.ConcernHigh,
        (PointType.SpecialCauseConcern, SignalDirection.Low) => VariationIcon.ConcernLow,
        (PointType.SpecialCauseNeither, SignalDirection.High) => VariationIcon.NeitherHigh,
        (PointType.SpecialCauseNeither, SignalDirection.Low) => VariationIcon.NeitherLow,
        _ => VariationIcon.CommonCause,
    };

    private static AssuranceIcon? ExpectedAssuranceIcon(XmrAnalysis analysis)
    {
        var options = analysis.Options;
        if (options.Target is not { } target || options.Improvement == ImprovementDirection.Neither)
        {
            return null;
        }

        var segment = analysis.GetSegmentOf(analysis.Count - 1);
        var better = options.Improvement == ImprovementDirection.Increase ? 1 : -1;
        if (segment.HasLimits && better * target < better * (better == 1 ? segment.LowerProcessLimit!.Value : segment.UpperProcessLimit!.Value))
        {
            return AssuranceIcon.ConsistentPass;
        }

        if (segment.HasLimits && better * target > better * (better == 1 ? segment.UpperProcessLimit!.Value : segment.LowerProcessLimit!.Value))
        {
            return AssuranceIcon.ConsistentFail;
        }

        return AssuranceIcon.Inconsistent;
    }
}
