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

        var mean = MeanOfValues(baseline);
        var meanMovingRange = MeanMovingRange(baseline, double.PositiveInfinity);
        if (options.ScreenOutliers && !double.IsNaN(meanMovingRange))
        {
            // Strict: a moving range exactly at the screen is an outlier. So a constant series (every moving range
            // 0, screen 0) screens out all of them, leaving no moving range and undefined limits.
            meanMovingRange = MeanMovingRange(baseline, XmrConstants.OutlierScreenFactor * meanMovingRange);
        }

        return new XmrSegment(number, start, start + values.Length - 1, baselineCount, mean, meanMovingRange);
    }

    private static double MeanOfValues(ReadOnlySpan<double> values)
    {
        var sum = default(CompensatedSum);
        var count = 0;
        foreach (var y in values)
        {
            if (!double.IsNaN(y))
            {
                sum.Add(y);
                count++;
            }
        }

        return count == 0 ? double.NaN : sum.Mean(count);
    }

    /// <summary>Mean of the moving ranges strictly below <paramref name="screen"/>; NaN when there are none.</summary>
    private static double MeanMovingRange(ReadOnlySpan<double> values, double screen)
    {
        var sum = default(CompensatedSum);
        var count = 0;
        for (var i = 1; i < values.Length; i++)
        {
            // A moving range next to a missing value is NaN and fails the comparison: gaps are never bridged.
            var movingRange = Math.Abs(values[i] - values[i - 1]);
            if (movingRange < screen)
            {
                sum.Add(movingRange);
                count++;
            }
        }

        return count == 0 ? double.NaN : sum.Mean(count);
    }
}
