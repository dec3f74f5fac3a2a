namespace Concordat.Spc;

/// <summary>
/// One segment of an analysis: the points from one rebase to the next, with the mean and limits that every rule in
/// it uses. Numbers that cannot be computed are null: the mean of a segment with no values, and the moving-range
/// figures and limits of a segment with no usable moving range (a single point; values separated by gaps, because
/// a moving range is never bridged across a missing value; or, with screening on, a constant series, whose moving
/// ranges are all 0 and all screened out because the screen compares strictly).
/// </summary>
public readonly record struct XmrSegment
{
    /// <summary>Segments with this many points or fewer carry <see cref="IsShort"/>.</summary>
    public const int ShortSegmentMaximumPointCount = 12;

    // Stored as doubles with NaN for "undefined" (half the size of double?), exposed as double?.
    private readonly double mean;
    private readonly double meanMovingRange;
    private readonly double lowerProcessLimit;
    private readonly double upperProcessLimit;
    private readonly double lowerTwoSigmaLine;
    private readonly double upperTwoSigmaLine;

    internal XmrSegment(int number, int start, int end, int baselinePointCount, double mean, double meanMovingRange)
    {
        Number = number;
        Start = start;
        End = end;
        BaselinePointCount = baselinePointCount;
        this.mean = mean;
        this.meanMovingRange = meanMovingRange;

        // NaN in, NaN out: undefined mean or moving range gives undefined limits with no special case.
        lowerProcessLimit = mean - (XmrConstants.LimitFactor * meanMovingRange);
        upperProcessLimit = mean + (XmrConstants.LimitFactor * meanMovingRange);
        lowerTwoSigmaLine = mean - (XmrConstants.TwoSigmaFactor * meanMovingRange);
        upperTwoSigmaLine = mean + (XmrConstants.TwoSigmaFactor * meanMovingRange);
    }

    /// <summary>0-based number of the segment. A rebase at index 0 does not start a segment, so segment 0 always starts at point 0.</summary>
    public int Number { get; }

    /// <summary>Index of the segment's first point.</summary>
    public int Start { get; }

    /// <summary>Index of the segment's last point (inclusive).</summary>
    public int End { get; }

    /// <summary>Number of points (including missing ones) in the segment.</summary>
    public int PointCount => End - Start + 1;

    /// <summary>
    /// Number of rows the mean and limits were computed from: the whole segment, or the first
    /// <see cref="SpcOptions.BaselinePointCount"/> rows when that is set (missing rows count).
    /// </summary>
    public int BaselinePointCount { get; }

    /// <summary>Mean of the baseline's non-missing values (outliers included).</summary>
    public double? Mean => NullIfNaN(mean);

    /// <summary>Mean of the baseline's moving ranges, after outlier screening when that is on.</summary>
    public double? MeanMovingRange => NullIfNaN(meanMovingRange);

    /// <summary>Mean − 2.66 × mean moving range.</summary>
    public double? LowerProcessLimit => NullIfNaN(lowerProcessLimit);

    /// <summary>Mean + 2.66 × mean moving range.</summary>
    public double? UpperProcessLimit => NullIfNaN(upperProcessLimit);

    /// <summary>Mean − 2 × (2.66 / 3) × mean moving range: beyond it (and inside the limits) a point is <em>close</em>.</summary>
    public double? LowerTwoSigmaLine => NullIfNaN(lowerTwoSigmaLine);

    /// <summary>Mean + 2 × (2.66 / 3) × mean moving range.</summary>
    public double? UpperTwoSigmaLine => NullIfNaN(upperTwoSigmaLine);

    /// <summary>
    /// True for segments of <see cref="ShortSegmentMaximumPointCount"/> points or fewer. They are analysed like any
    /// other, but MDC's own tool shows limits and icons only from 13 points, so every chart or icon drawn from one
    /// should say the limits are provisional.
    /// </summary>
    public bool IsShort => PointCount <= ShortSegmentMaximumPointCount;

    /// <summary>True when the segment has process limits (see the type's remarks for when it does not).</summary>
    public bool HasLimits => !double.IsNaN(lowerProcessLimit);

    /// <summary>The lines as doubles, NaN when undefined: for the rules' hot loop.</summary>
    internal (double Mean, double Lower, double Upper, double LowerTwoSigma, double UpperTwoSigma) Lines =>
        (mean, lowerProcessLimit, upperProcessLimit, lowerTwoSigmaLine, upperTwoSigmaLine);

    private static double? NullIfNaN(double value) => double.IsNaN(value) ? null : value;
}
