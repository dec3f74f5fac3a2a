namespace Concordat.Spc.Tests;

/// <summary>
/// A deliberately naive transliteration of NHSRplotthedots' ptd_special_cause_type (per segment, window by window,
/// with R's NA semantics where a window containing a missing value does not fire), used as an oracle for the
/// library's bit-mask implementation on long and awkward series.
/// </summary>
internal static class NaiveRules
{
    public static (SpecialCauseRule? Rule, SignalDirection? Signal)[] Of(XmrAnalysis analysis, double?[] values)
    {
        var result = new (SpecialCauseRule?, SignalDirection?)[values.Length];
        foreach (var segment in analysis.Segments)
        {
            var y = values[segment.Start..(segment.End + 1)];
            var segmentResult = OfSegment(y, segment, analysis.Options.TwoInThreeRule);
            Array.Copy(segmentResult, 0, result, segment.Start, y.Length);
        }

        return result;
    }

    private static (SpecialCauseRule?, SignalDirection?)[] OfSegment(double?[] y, XmrSegment s, TwoInThreeRule variant)
    {
        var n = y.Length;
        var mean = s.Mean;

        // Per point, as the package's columns: outside_limits, relative_to_mean, close_to_limits (null = NA).
        bool? Outside(int i) => y[i] is { } v && s.HasLimits ? v > s.UpperProcessLimit || v < s.LowerProcessLimit : null;
        int? Side(int i) => y[i] is { } v && mean is { } m ? Math.Sign(v - m) : null;
        bool? CloseAt(int i) => y[i] is { } v && s.HasLimits
            ? (variant == TwoInThreeRule.Mdc2023 || Outside(i) == false) && (v < s.LowerTwoSigmaLine || v > s.UpperTwoSigmaLine)
            : null;

        // seven_point_one_side_mean: window ending at i, all seven the same non-zero side.
        bool ShiftEnds(int i) => i >= 6 && Enumerable.Range(i - 6, 7).All(j => Side(j) is { } side && side != 0 && side == Side(i));

        // seven_point_trend: six steps of one sign ending at i.
        int TrendEnds(int i)
        {
            if (i < 6 || Enumerable.Range(i - 6, 7).Any(j => y[j] is null))
            {
                return 0;
            }

            var steps = Enumerable.Range(i - 5, 6).Select(j => Math.Sign(y[j]!.Value - y[j - 1]!.Value)).ToArray();
            return steps.All(d => d == 1) ? 1 : steps.All(d => d == -1) ? -1 : 0;
        }

        bool PartOf(Func<int, bool> ends, int i) => Enumerable.Range(i, 7).Any(j => j < n && ends(j));

        // two_in_three: any of the three windows containing i (inside the segment) qualifies, and i is close.
        bool WindowQualifies(int start) =>
            start >= 0 && start + 2 < n
            && Enumerable.Range(start, 3).All(j => Side(j) is not null && CloseAt(j) is not null)
            && Enumerable.Range(start, 3).Count(j => CloseAt(j) == true) >= 2
            && Math.Abs(Enumerable.Range(start, 3).Sum(j => Side(j)!.Value)) == 3;

        var trend = Enumerable.Range(0, n).Select(i => PartOf(j => TrendEnds(j) != 0, i)).ToArray();
        var result = new (SpecialCauseRule?, SignalDirection?)[n];
        for (var i = 0; i < n; i++)
        {
            SignalDirection BySide() => Side(i) > 0 ? SignalDirection.High : SignalDirection.Low;
            if (Outside(i) == true)
            {
                result[i] = (SpecialCauseRule.OutsideLimits, Side(i) == 1 ? SignalDirection.High : SignalDirection.Low);
            }
            else if (trend[i])
            {
                // sdy: the step to the next point if it is a trend point too, else the step from the previous one.
                var step = i + 1 < n && trend[i + 1] ? Math.Sign(y[i + 1]!.Value - y[i]!.Value)
                    : i > 0 ? Math.Sign(y[i]!.Value - y[i - 1]!.Value)
                    : 0;
                result[i] = (SpecialCauseRule.Trend, step == 1 ? SignalDirection.High : SignalDirection.Low);
            }
            else if (CloseAt(i) == true && (WindowQualifies(i - 2) || WindowQualifies(i - 1) || WindowQualifies(i)))
            {
                result[i] = (SpecialCauseRule.TwoInThree, BySide());
            }
            else if (PartOf(ShiftEnds, i))
            {
                result[i] = (SpecialCauseRule.Shift, BySide());
            }
        }

        return result;
    }
}
