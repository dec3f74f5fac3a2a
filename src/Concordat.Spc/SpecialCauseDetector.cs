using System.Numerics;

namespace Concordat.Spc;

/// <summary>
/// Runs the four rules over one segment and stores each point's rule and signal as a <see cref="PointCode"/>.
/// </summary>
/// <remarks>
/// <para>The rules are computed on bit masks, one bit per point (bit i = point i of a block of up to 64): a mask
/// of points above the mean, one of rising steps, and so on. "Seven consecutive points above the mean" is then the
/// AND of the mask with itself shifted by 1 to 6 — a bit set where such a run ends — and "every point of the run"
/// is the OR of those ends shifted back. Each rule is a few word operations per 64 points, with no branches on the
/// data, and reads almost as the method states it.</para>
/// <para>A segment longer than 64 points is done in overlapping blocks: each block's first 6 points are context for
/// runs that started earlier, and its last 7 are context for runs that end later (and for the next point's trend
/// flag, which the direction of a trend needs); only the points between are written.</para>
/// <para>Missing values need no special case: a missing value (NaN) compares false with everything, so it is on
/// neither side of the mean (which breaks a shift and keeps it out of every two-of-three window), its steps to and
/// from its neighbours are neither rising nor falling (which breaks a trend) and it is neither outside nor close.
/// So "any rule window that contains a missing value does not fire" holds by construction; the R package instead
/// stops with an error on some such windows. The same holds for undefined limits (NaN): no point is outside or
/// close, but trends and shifts still run.</para>
/// </remarks>
internal static class SpecialCauseDetector
{
    private const int BlockPoints = 64;
    private const int ContextBefore = XmrConstants.RunLength - 1;
    private const int ContextAfter = XmrConstants.RunLength;

    /// <summary>Fills <paramref name="codes"/> with one <see cref="PointCode"/> per value (NaN is missing) of one segment.</summary>
    public static void Detect(ReadOnlySpan<double> values, in XmrSegment segment, TwoInThreeRule twoInThreeRule, Span<byte> codes)
    {
        var lines = segment.Lines;
        var closeIncludesOutside = twoInThreeRule == TwoInThreeRule.Mdc2023;
        for (var core = 0; core < values.Length;)
        {
            var first = Math.Max(0, core - ContextBefore);
            var end = Math.Min(values.Length, first + BlockPoints);
            var coreEnd = end == values.Length ? end : end - ContextAfter;
            DetectBlock(values[first..end], lines, closeIncludesOutside, codes[first..end], core - first, coreEnd - first);
            core = coreEnd;
        }
    }

    /// <summary>The rules on up to 64 points; writes codes for points [<paramref name="from"/>, <paramref name="to"/>).</summary>
    private static void DetectBlock(
        ReadOnlySpan<double> values,
        (double Mean, double Lower, double Upper, double LowerTwoSigma, double UpperTwoSigma) lines,
        bool closeIncludesOutside,
        Span<byte> codes,
        int from,
        int to)
    {
        var masks = PointMasks.Of(values, lines);
        var (above, below, rising, falling, outside) = (masks.Above, masks.Below, masks.Rising, masks.Falling, masks.Outside);

        // Rule 1, outside the limits, is masks.Outside itself.
        // Rule 2, trend: 6 steps of one sign end a run of 7 points; every point of such a run is flagged.
        var trend = Spread(RunEnds(rising, XmrConstants.RunLength - 1) | RunEnds(falling, XmrConstants.RunLength - 1), XmrConstants.RunLength);

        // Rule 3, two of three: a window of 3 all on one side with at least 2 close; only its close points count.
        // Close = beyond a 2-sigma line and (in the package's variant) not outside the limits.
        var close = masks.BeyondTwoSigma & (closeIncludesOutside ? ~0UL : ~outside);
        var twoClose = (close & (close << 1)) | (close & (close << 2)) | ((close << 1) & (close << 2));
        var windows = (RunEnds(above, 3) | RunEnds(below, 3)) & twoClose;
        var twoInThree = Spread(windows, 3) & close;

        // Rule 4, shift: 7 points strictly on one side of the mean.
        var shift = Spread(RunEnds(above, XmrConstants.RunLength) | RunEnds(below, XmrConstants.RunLength), XmrConstants.RunLength);

        // A trend point's direction is the step to the next point when that point is a trend point too, otherwise
        // the step from the previous point; a zero step counts as falling (the package calls anything but a rise
        // "Decreasing"). rising >> 1 holds at bit i the step from point i to point i + 1.
        var trendContinues = trend & (trend >> 1);
        var trendRises = (trendContinues & (rising >> 1)) | (~trendContinues & rising);

        // Priority: outside > trend > two of three > shift. Outside, two of three and shift signal by side.
        trend &= ~outside;
        twoInThree &= ~(outside | trend);
        shift &= ~(outside | trend | twoInThree);
        var high = ((outside | twoInThree | shift) & above) | (trend & trendRises);

        var flagged = (outside | trend | twoInThree | shift) & Bits(from, to);
        while (flagged != 0)
        {
            var i = BitOperations.TrailingZeroCount(flagged);
            var rule = (outside >> i & 1) != 0 ? SpecialCauseRule.OutsideLimits
                : (trend >> i & 1) != 0 ? SpecialCauseRule.Trend
                : (twoInThree >> i & 1) != 0 ? SpecialCauseRule.TwoInThree
                : SpecialCauseRule.Shift;
            codes[i] = PointCode.Create(rule, high: (high >> i & 1) != 0);
            flagged &= flagged - 1;
        }
    }

    /// <summary>Bits where <paramref name="length"/> consecutive bits of <paramref name="mask"/> end (bit i set: bits i − length + 1 … i all set).</summary>
    private static ulong RunEnds(ulong mask, int length)
    {
        var ends = mask;
        for (var shift = 1; shift < length; shift++)
        {
            ends &= mask << shift;
        }

        return ends;
    }

    /// <summary>Every bit of each run of <paramref name="length"/> ending at a bit of <paramref name="ends"/>.</summary>
    private static ulong Spread(ulong ends, int length)
    {
        var run = ends;
        for (var shift = 1; shift < length; shift++)
        {
            run |= ends >> shift;
        }

        return run;
    }

    /// <summary>Bits [<paramref name="from"/>, <paramref name="to"/>) set.</summary>
    private static ulong Bits(int from, int to) => (to == BlockPoints ? ~0UL : (1UL << to) - 1) & ~((1UL << from) - 1);
}
