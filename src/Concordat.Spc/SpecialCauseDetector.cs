namespace Concordat.Spc;

/// <summary>
/// Runs the four rules over one segment and stores each point's rule and signal as a <see cref="PointCode"/>.
/// One forward pass finds the rules; a second resolves priority and direction.
/// </summary>
/// <remarks>
/// Missing values need no special case: a missing value (NaN) compares false with everything, so its side of the
/// mean is 0 (which breaks a shift and no two-of-three window can contain it), its steps to and from its neighbours
/// are 0 (which breaks a trend) and it is neither outside nor close. So "any rule window that contains a missing
/// value does not fire" holds by construction; the R package instead stops with an error on some such windows.
/// The same holds for undefined limits (NaN): no point is outside or close, but trends and shifts still run.
/// </remarks>
internal static class SpecialCauseDetector
{
    private const byte OutsideFlag = 1;
    private const byte TrendFlag = 2;
    private const byte TwoInThreeFlag = 4;
    private const byte ShiftFlag = 8;

    /// <summary>Fills <paramref name="codes"/> with one <see cref="PointCode"/> per value (NaN is missing) of one segment.</summary>
    public static void Detect(ReadOnlySpan<double> values, in XmrSegment segment, TwoInThreeRule twoInThreeRule, Span<byte> codes)
    {
        FindRules(values, segment, twoInThreeRule, codes);
        ResolvePriority(values, segment.Mean ?? double.NaN, codes);
    }

    private static void FindRules(ReadOnlySpan<double> values, in XmrSegment segment, TwoInThreeRule twoInThreeRule, Span<byte> flags)
    {
        var mean = segment.Mean ?? double.NaN;
        var lower = segment.LowerProcessLimit ?? double.NaN;
        var upper = segment.UpperProcessLimit ?? double.NaN;
        var lowerTwoSigma = segment.LowerTwoSigmaLine ?? double.NaN;
        var upperTwoSigma = segment.UpperTwoSigmaLine ?? double.NaN;
        var closeIncludesOutside = twoInThreeRule == TwoInThreeRule.Mdc2023;

        int shiftRun = 0, shiftSide = 0, trendSteps = 0, trendSign = 0;
        int previousSide = 0, secondPreviousSide = 0;
        bool previousClose = false, secondPreviousClose = false;
        var previous = double.NaN;

        for (var i = 0; i < values.Length; i++)
        {
            var y = values[i];

            // Strict everywhere: on a limit is inside, on a 2-sigma line is not close, on the mean is neither side.
            var outside = y > upper || y < lower;
            var beyondTwoSigma = y > upperTwoSigma || y < lowerTwoSigma;
            var close = beyondTwoSigma && (closeIncludesOutside || !outside);
            var side = Compare(y, mean);
            flags[i] = outside ? OutsideFlag : (byte)0;

            // Shift: 7 consecutive points strictly on one side. Flag the whole run once it reaches 7, then each
            // further point that extends it.
            shiftRun = side != 0 && side == shiftSide ? shiftRun + 1 : (side != 0 ? 1 : 0);
            shiftSide = side;
            MarkRun(flags, i, shiftRun, XmrConstants.RunLength, ShiftFlag);

            // Trend: 6 consecutive steps of one sign (7 points). A tie (step 0) breaks it; the mean plays no part.
            var step = Compare(y, previous);
            trendSteps = step != 0 && step == trendSign ? trendSteps + 1 : (step != 0 ? 1 : 0);
            trendSign = step;
            MarkRun(flags, i, trendSteps + 1, XmrConstants.RunLength, TrendFlag);

            // Two of three: the window ending here (windows never run past the segment's ends), all three strictly
            // on one side and at least two close. Only the close points are flagged.
            if (side != 0 && side == previousSide && side == secondPreviousSide
                && (close ? 1 : 0) + (previousClose ? 1 : 0) + (secondPreviousClose ? 1 : 0) >= 2)
            {
                if (close)
                {
                    flags[i] |= TwoInThreeFlag;
                }

                if (previousClose)
                {
                    flags[i - 1] |= TwoInThreeFlag;
                }

                if (secondPreviousClose)
                {
                    flags[i - 2] |= TwoInThreeFlag;
                }
            }

            secondPreviousSide = previousSide;
            secondPreviousClose = previousClose;
            previousSide = side;
            previousClose = close;
            previous = y;
        }
    }

    /// <summary>Flags the run ending at <paramref name="end"/> when it first reaches the length, then each point that extends it.</summary>
    private static void MarkRun(Span<byte> flags, int end, int runLength, int requiredLength, byte flag)
    {
        if (runLength == requiredLength)
        {
            for (var j = end - requiredLength + 1; j <= end; j++)
            {
                flags[j] |= flag;
            }
        }
        else if (runLength > requiredLength)
        {
            flags[end] |= flag;
        }
    }

    /// <summary>
    /// Replaces the rule flags with one rule per point (outside &gt; trend &gt; two of three &gt; shift) and that
    /// rule's signal. Runs left to right, reading the next point's flags before they are overwritten.
    /// </summary>
    private static void ResolvePriority(ReadOnlySpan<double> values, double mean, Span<byte> codes)
    {
        for (var i = 0; i < codes.Length; i++)
        {
            var flags = codes[i];
            if (flags == 0)
            {
                continue;
            }

            var y = values[i];
            codes[i] = (flags & OutsideFlag) != 0 ? PointCode.Create(SpecialCauseRule.OutsideLimits, high: y > mean)
                : (flags & TrendFlag) != 0 ? PointCode.Create(SpecialCauseRule.Trend, high: TrendDirection(values, codes, i) == 1)
                : (flags & TwoInThreeFlag) != 0 ? PointCode.Create(SpecialCauseRule.TwoInThree, high: y > mean)
                : PointCode.Create(SpecialCauseRule.Shift, high: y > mean);
        }
    }

    /// <summary>
    /// The package's direction of a trend point: if the point and the next point are both trend points, the sign of
    /// the step to the next point; otherwise the sign of the step from the previous point. A zero step counts as
    /// decreasing (the package labels anything but +1 "Decreasing"). Looking ahead matters where two trends meet:
    /// the point they share takes the direction of the trend that continues.
    /// </summary>
    private static int TrendDirection(ReadOnlySpan<double> values, ReadOnlySpan<byte> flags, int i)
    {
        if (i + 1 < values.Length && (flags[i + 1] & TrendFlag) != 0)
        {
            return Compare(values[i + 1], values[i]);
        }

        return i > 0 ? Compare(values[i], values[i - 1]) : 0;
    }

    /// <summary>Sign of a − b; 0 when equal or when either is NaN (missing).</summary>
    private static int Compare(double a, double b) => a > b ? 1 : (a < b ? -1 : 0);
}
