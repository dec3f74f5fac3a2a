namespace Concordat.Spc.Charts;

/// <summary>A value axis with "nice" ticks (1, 2 or 5 × a power of ten) covering a range.</summary>
internal readonly record struct AxisScale(double Minimum, double Maximum, double Step)
{
    public static AxisScale Covering(double low, double high, int targetTicks = 5)
    {
        if (!(high > low))
        {
            // One value (or none): open a window around it so the line sits mid-chart.
            var pad = low == 0 || !double.IsFinite(low) ? 1 : Math.Abs(low) * 0.1;
            (low, high) = double.IsFinite(low) ? (low - pad, low + pad) : (0, 1);
        }

        var rough = (high - low) / targetTicks;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / power;
        var step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
        return new AxisScale(Math.Floor(low / step) * step, Math.Ceiling(high / step) * step, step);
    }

    public IEnumerable<double> Ticks()
    {
        var count = (int)Math.Round((Maximum - Minimum) / Step);
        for (var i = 0; i <= count; i++)
        {
            // Multiply rather than accumulate, so that ticks do not drift (0.30000000000000004).
            yield return Math.Round(Minimum + (i * Step), 12);
        }
    }
}
