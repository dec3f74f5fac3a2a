namespace Concordat.Spc;

/// <summary>
/// A sum kept as an unevaluated pair (hi + lo) so that no rounding error accumulates, and a mean rounded once.
/// </summary>
/// <remarks>
/// R's <c>mean()</c> accumulates in 80-bit long double and then adds a correction pass, which in practice gives the
/// correctly rounded mean. A naive double sum can be an ulp or two away from that, and the rules compare strictly
/// (a value exactly on a limit or on a 2-sigma line is inside), so an ulp decides some points. Two-sum
/// accumulation plus a once-rounded division reproduces the package's numbers exactly.
/// </remarks>
internal struct CompensatedSum
{
    private double hi;
    private double lo;

    public void Add(double x)
    {
        // Knuth's two-sum: t + e == hi + x exactly, whatever the magnitudes.
        var t = hi + x;
        var z = t - hi;
        lo += (hi - (t - z)) + (x - z);
        hi = t;
    }

    /// <summary>(hi + lo) / count, rounded once.</summary>
    public readonly double Mean(int count)
    {
        if (!double.IsFinite(hi))
        {
            // Overflow (only for values near double.MaxValue): the mean is not representable; report what we have.
            return hi / count;
        }

        var sum = hi + lo;
        var sumError = lo - (sum - hi);
        var quotient = sum / count;
        if (!double.IsFinite(quotient))
        {
            return quotient;
        }

        // The remainder sum − quotient × count is exact with a fused multiply-add; fold it (and the part of lo that
        // did not fit in sum) back in so that the result is the correctly rounded quotient.
        var remainder = Math.FusedMultiplyAdd(-quotient, count, sum) + sumError;
        return quotient + (remainder / count);
    }
}
