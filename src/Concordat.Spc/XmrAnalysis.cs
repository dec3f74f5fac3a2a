using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Concordat.Spc;

/// <summary>
/// An XmR (individuals and moving range) analysis of one series, as NHS England's Making Data Count does it and as
/// the R package NHSRplotthedots 0.2.2 computes it: segments, mean and limits, the four special-cause rules, each
/// point's type, and the variation and assurance icons. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>Create one with <see cref="Analyse(ReadOnlySpan{double?}, SpcOptions?)"/>. The method is specified in
/// <c>docs/spc-method.md</c>; in brief, with the surprising parts and why:</para>
/// <list type="bullet">
/// <item><description><b>Segments.</b> Each rebase index starts a new segment, and moving ranges, mean, limits and
/// every rule window stay inside one (<see cref="XmrSegment"/>). A rebase at index 0 has no effect.</description></item>
/// <item><description><b>Baseline.</b> With <see cref="SpcOptions.BaselinePointCount"/> the mean and limits come from
/// each segment's first n rows, missing rows included; the rules still run on every point.</description></item>
/// <item><description><b>Limits.</b> Mean ± 2.66 × mean moving range, after screening out moving ranges at or above
/// 3.267 × their mean (strictly below is kept, so a constant series has no limits with screening on).</description></item>
/// <item><description><b>Rules.</b> Outside the limits, trend, two of three, shift — all comparisons strict, one rule per
/// point by that priority, and the signal from the winning rule (<see cref="SpecialCauseRule"/>).</description></item>
/// <item><description><b>Missing values.</b> Never bridged, never flagged, and any rule window containing one does not
/// fire. Nothing throws on them: the R package stops with an error on some such series.</description></item>
/// <item><description><b>Icons.</b> Variation from the last point only; assurance from the target against the last
/// segment's limits, strictly, so a target exactly on a limit is "hit and miss" (<see cref="Spc.AssuranceIcon"/>).</description></item>
/// <item><description><b>Short segments.</b> 12 points or fewer: analysed, but with a warning (<see cref="Warnings"/>).</description></item>
/// </list>
/// <para>Cost: a pass for the statistics and a few word operations per 64 points for the rules (see
/// <c>bench/Concordat.Spc.Bench/README.md</c>); nothing is allocated beyond the result itself — the values, one byte per point and the
/// segments.</para>
/// </remarks>
public sealed class XmrAnalysis
{
    private readonly double[] values;
    private readonly byte[] codes;
    private readonly XmrSegment[] segments;

    private XmrAnalysis(double[] values, byte[] codes, XmrSegment[] segments, SpcOptions options)
    {
        this.values = values;
        this.codes = codes;
        this.segments = segments;
        Options = options;

        var last = values.Length - 1;
        VariationIcon = PointCode.VariationIcon(codes[last], options.Improvement);
        AssuranceIcon = Assurance(options, segments[^1]);
        Warnings = ShortSegmentWarnings(segments);
    }

    /// <summary>The options the series was analysed with.</summary>
    public SpcOptions Options { get; }

    /// <summary>Number of points (including missing values).</summary>
    public int Count => values.Length;

    /// <summary>Every point, in order.</summary>
    public XmrPointList Points => new(this);

    /// <summary>The segments, in order. There is always at least one.</summary>
    public ImmutableArray<XmrSegment> Segments => ImmutableCollectionsMarshal.AsImmutableArray(segments);

    /// <summary>The last point: the one the icons are read from.</summary>
    public XmrPoint LastPoint => GetPoint(values.Length - 1);

    /// <summary>The variation icon, from the last point only (see <see cref="Spc.VariationIcon"/>).</summary>
    public VariationIcon VariationIcon { get; }

    /// <summary>
    /// The assurance icon, from the target and the last segment's limits; null without a target or when the
    /// improvement direction is <see cref="ImprovementDirection.Neither"/>.
    /// </summary>
    public AssuranceIcon? AssuranceIcon { get; }

    /// <summary>True when any segment has 12 points or fewer (see <see cref="XmrSegment.IsShort"/>).</summary>
    public bool HasShortSegment => !Warnings.IsEmpty;

    /// <summary>
    /// True when the current reading is provisional: the last segment, whose limits the icons are read against, has
    /// <see cref="XmrSegment.ShortSegmentMaximumPointCount"/> points or fewer, and Making Data Count shows limits and
    /// icons only from 13. An earlier short segment does not make the current reading provisional. Every page, document
    /// and summary that says "provisional" asks this, so the rule is written once.
    /// </summary>
    public bool IsProvisional => segments[^1].IsShort;

    /// <summary>One sentence per short segment, for display beside the chart or icons. Empty when there are none.</summary>
    public ImmutableArray<string> Warnings { get; }

    /// <summary>Analyses a series; null is a missing value.</summary>
    /// <param name="values">The values in time order (no duplicate periods). Null (or NaN) is missing.</param>
    /// <param name="options">How to analyse; null (or <see cref="SpcOptions.Default"/>) for the package's defaults.</param>
    /// <exception cref="ArgumentException">
    /// The series is empty, a value is infinite, or a rebase index is not a point of the series.
    /// </exception>
    public static XmrAnalysis Analyse(ReadOnlySpan<double?> values, SpcOptions? options = null)
    {
        var copy = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            copy[i] = values[i] ?? double.NaN;
        }

        return Create(copy, options ?? SpcOptions.Default);
    }

    /// <summary>Analyses a series in which NaN is a missing value (the fast path for bulk data).</summary>
    /// <inheritdoc cref="Analyse(ReadOnlySpan{double?}, SpcOptions?)"/>
    public static XmrAnalysis Analyse(ReadOnlySpan<double> values, SpcOptions? options = null) =>
        Create(values.ToArray(), options ?? SpcOptions.Default);

    /// <summary>The point at <paramref name="index"/>.</summary>
    public XmrPoint GetPoint(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, values.Length);
        return CreatePoint(index, SegmentIndexOf(index));
    }

    /// <summary>The segment that contains the point at <paramref name="index"/>.</summary>
    public XmrSegment GetSegmentOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, values.Length);
        return segments[SegmentIndexOf(index)];
    }

    internal XmrPoint CreatePoint(int index, int segmentIndex)
    {
        var code = codes[index];
        return new XmrPoint(
            index,
            values[index],
            segments[segmentIndex],
            PointCode.Rule(code),
            PointCode.Signal(code),
            PointCode.PointType(code, Options.Improvement));
    }

    internal int SegmentIndexOf(int index)
    {
        var k = segments.Length - 1;
        while (segments[k].Start > index)
        {
            k--;
        }

        return k;
    }

    private static XmrAnalysis Create(double[] values, SpcOptions options)
    {
        Validate(values, options);

        var rebase = options.RebaseIndices.AsSpan();
        var firstRebase = rebase.Length > 0 && rebase[0] == 0 ? 1 : 0; // a rebase at 0 starts nothing new
        var segments = new XmrSegment[rebase.Length - firstRebase + 1];
        var codes = new byte[values.Length];

        var start = 0;
        for (var k = 0; k < segments.Length; k++)
        {
            var end = k + firstRebase < rebase.Length ? rebase[k + firstRebase] : values.Length;
            var segmentValues = values.AsSpan(start, end - start);
            segments[k] = SegmentStatistics.Compute(segmentValues, k, start, options);
            SpecialCauseDetector.Detect(segmentValues, segments[k], options.TwoInThreeRule, codes.AsSpan(start, end - start));
            start = end;
        }

        return new XmrAnalysis(values, codes, segments, options);
    }

    private static void Validate(ReadOnlySpan<double> values, SpcOptions options)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("The series is empty: an XmR analysis needs at least one point.", nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsInfinity(values[i]))
            {
                throw new ArgumentException($"Value {i} is infinite; values must be finite numbers (or missing).", nameof(values));
            }
        }

        if (!options.RebaseIndices.IsEmpty && options.RebaseIndices[^1] >= values.Length)
        {
            throw new ArgumentException(
                $"Rebase index {options.RebaseIndices[^1]} is past the last point ({values.Length - 1}).", nameof(options));
        }
    }

    /// <summary>
    /// Increase: a target below the lower limit is always met, above the upper limit never. Decrease: the reverse.
    /// Strict comparisons, so a target exactly on a limit is "hit and miss" — as are undefined limits, because then
    /// nothing can be promised.
    /// </summary>
    private static AssuranceIcon? Assurance(SpcOptions options, in XmrSegment lastSegment)
    {
        if (options.Target is not { } target || options.Improvement == ImprovementDirection.Neither)
        {
            return null;
        }

        var increase = options.Improvement == ImprovementDirection.Increase;
        if (target > lastSegment.UpperProcessLimit)
        {
            return increase ? Spc.AssuranceIcon.ConsistentFail : Spc.AssuranceIcon.ConsistentPass;
        }

        if (target < lastSegment.LowerProcessLimit)
        {
            return increase ? Spc.AssuranceIcon.ConsistentPass : Spc.AssuranceIcon.ConsistentFail;
        }

        return Spc.AssuranceIcon.Inconsistent;
    }

    private static ImmutableArray<string> ShortSegmentWarnings(XmrSegment[] segments)
    {
        var warnings = ImmutableArray<string>.Empty;
        foreach (var segment in segments)
        {
            if (segment.IsShort)
            {
                // Built only when needed: long series (the common case) allocate nothing here.
                warnings = warnings.Add(
                    $"Segment {segment.Number} (points {segment.Start}–{segment.End}) has only {segment.PointCount} " +
                    $"point{(segment.PointCount == 1 ? "" : "s")}; Making Data Count shows limits and icons only from " +
                    $"{XmrSegment.ShortSegmentMaximumPointCount + 1} points, so treat its limits and signals as provisional.");
            }
        }

        return warnings;
    }
}
