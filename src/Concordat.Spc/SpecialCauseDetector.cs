using System.Runtime.CompilerServices;

namespace Concordat.Spc;

/// <summary>
/// Runs the four rules over one segment and stores each point's rule and signal as a <see cref="PointCode"/>.
/// One forward pass finds the rules; a second resolves priority and direction.
/// </summary>
/// <remarks>
/// <para>Missing values need no special case: a missing value (NaN) compares false with everything, so its side of
/// the mean is 0 (which breaks a shift and no two-of-three window can contain it), its steps to and from its
/// neighbours are 0 (which breaks a trend) and it is neither outside nor close. So "any rule window that contains a
/// missing value does not fire" holds by construction; the R package instead stops with an error on some such
/// windows. The same holds for undefined limits (NaN): no point is outside or close, but trends and shifts still
/// run.</para>
/// <para>Speed: which side of the mean a point falls, and which way it steps, is a coin toss, so those are computed
/// without branches (a mispredicted branch costs more than all the arithmetic). What is rare — a point beyond a
/// 2-sigma line, a run reaching 7, a two-of-three window — is a branch the processor predicts well.</para>
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
        var lines = segment.Lines;
        FindRules(values, lines, twoInThreeRule == TwoInThreeRule.Mdc2023, codes);
        ResolvePriority(values, lines.Mean, codes);
    }

    private static void FindRules(
        ReadOnlySpan<double> values,
        (double Mean, double Lower, double Upper, double LowerTwoSigma, double UpperTwoSigma) lines,
        bool closeIncludesOutside,
        Span<byte> flags)
    {
        var (mean, lower, upper, lowerTwoSigma, upperTwoSigma) = lines;
        int shiftRun = 0, shiftSide = 0, trendSteps = 0, trendSign = 0;
        int previousSide = 0, secondPreviousSide = 0, previousClose = 0, secondPreviousClose = 0;
        var previous = double.NaN;

        for (var i = 0; i < values.Length; i++)
        {
            var y = values[i];

            // Strict everywhere: on a limit is inside, on a 2-sigma line is not close, on the mean is neither side.
            byte flag = 0;
            var close = 0;
            if ((y > upperTwoSigma) | (y < lowerTwoSigma))
            {
                var outside = (y > upper) | (y < lower);
                close = Bit(closeIncludesOutside | !outside);
                flag = (byte)Bit(outside); // OutsideFlag
            }

            flags[i] = flag;

            // Shift: 7 consecutive points strictly on one side (counted with a mask instead of a branch). Flag the
            // whole run once it reaches 7, then each further point that extends it.
            var side = Sign(y, mean);
            var onASide = side != 0;
            shiftRun = (shiftRun & -Bit((side == shiftSide) & onASide)) + Bit(onASide);
            shiftSide = side;
            if (shiftRun >= XmrConstants.RunLength)
            {
                MarkRun(flags, i, shiftRun, ShiftFlag);
            }

            // Trend: 6 consecutive steps of one sign (7 points). A tie (step 0) breaks it; the mean plays no part.
            var step = Sign(y, previous);
            var stepping = step != 0;
            trendSteps = (trendSteps & -Bit((step == trendSign) & stepping)) + Bit(stepping);
            trendSign = step;
            if (trendSteps >= XmrConstants.RunLength - 1)
            {
                MarkRun(flags, i, trendSteps + 1, TrendFlag);
            }

            // Two of three: the window ending here (windows never run past the segment's ends), all three strictly
            // on one side and at least two close. Only the close points are flagged.
            if (close + previousClose + secondPreviousClose >= 2 && onASide && side == previousSide && side == secondPreviousSide)
            {
                flags[i] |= (byte)(close * TwoInThreeFlag);
                flags[i - 1] |= (byte)(previousClose * TwoInThreeFlag);
                flags[i - 2] |= (byte)(secondPreviousClose * TwoInThreeFlag);
            }

            (secondPreviousSide, previousSide) = (previousSide, side);
            (secondPreviousClose, previousClose) = (previousClose, close);
            previous = y;
        }
    }

    /// <summary>Flags the run of 7 ending at <paramref name="end"/> when it first reaches 7, then each point that extends it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MarkRun(Span<byte> flags, int end, int runLength, byte flag)
    {
        var first = runLength == XmrConstants.RunLength ? end - XmrConstants.RunLength + 1 : end;
        for (var j = first; j <= end; j++)
        {
            flags[j] |= flag;
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
            return Sign(values[i + 1], values[i]);
        }

        return i > 0 ? Sign(values[i], values[i - 1]) : 0;
    }

    /// <summary>Sign of a − b; 0 when equal or when either is NaN (missing).</summary>
    private static int Sign(double a, double b) => Bit(a > b) - Bit(a < b);

    /// <summary>1 for true, 0 for false, without a branch.</summary>
    private static int Bit(bool value) => Unsafe.BitCast<bool, byte>(value);
}
