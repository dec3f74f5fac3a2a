namespace Concordat.Spc;

/// <summary>Mean, mean moving range and limits of one segment, exactly as NHSRplotthedots computes them.</summary>
internal static class SegmentStatistics
{
    /// <summary>Computes segment <paramref name="number"/>, whose values (NaN is missing) start at point <paramref name="start"/>.</summary>
    public static XmrSegment Compute(ReadOnlySpan<double> values, int number, int start, SpcOptions options)
    {
        // With a baseline the package blanks every row after the first n (fix_y), so both the mean and the moving
        // ranges come from those rows only; the moving range from row n to row n + 1 is not used either.
        var baselineCount = Math.Min(values.Length, options.BaselinePointCount ?? int.MaxValue);
        var baseline = values[..baselineCount];

        // One pass for the mean and the moving ranges (they do not depend on each other).
        var valueSum = default(CompensatedSum);
        var rangeSum = default(CompensatedSum);
        int valueCount = 0, rangeCount = 0;
        var largestRange = 0.0;
        var previous = double.NaN;
        foreach (var y in baseline)
        {
            if (!double.IsNaN(y))
            {
                valueSum.Add(y);
                valueCount++;
            }

            // A moving range next to a missing value is NaN: gaps are never bridged.
            var range = Math.Abs(y - previous);
            if (!double.IsNaN(range))
            {
                rangeSum.Add(range);
                rangeCount++;
                largestRange = Math.Max(largestRange, range);
            }

            previous = y;
        }

        var mean = valueCount == 0 ? double.NaN : valueSum.Mean(valueCount);
        var meanMovingRange = rangeCount == 0 ? double.NaN : rangeSum.Mean(rangeCount);

        // Screening keeps moving ranges strictly below 3.267 × the mean moving range and recomputes the mean once.
        // Strict, so a constant series (every moving range 0, screen 0) screens out all of them, leaving no moving
        // range and undefined limits. When even the largest range passes, nothing changes and the pass is skipped.
        var screen = XmrConstants.OutlierScreenFactor * meanMovingRange;
        if (options.ScreenOutliers && rangeCount > 0 && !(largestRange < screen))
        {
            meanMovingRange = MeanMovingRangeBelow(baseline, screen);
        }

        return new XmrSegment(number, start, start + values.Length - 1, baselineCount, mean, meanMovingRange);
    }

    /// <summary>Mean of the moving ranges strictly below <paramref name="screen"/>; NaN when there are none.</summary>
    private static double MeanMovingRangeBelow(ReadOnlySpan<double> values, double screen)
    {
        var sum = default(CompensatedSum);
        var count = 0;
        for (var i = 1; i < values.Length; i++)
        {
            var range = Math.Abs(values[i] - values[i - 1]);
            if (range < screen)
            {
                sum.Add(range);
                count++;
            }
        }

        return count == 0 ? double.NaN : sum.Mean(count);
    }
}
