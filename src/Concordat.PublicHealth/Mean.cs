namespace Concordat.PublicHealth;

/// <summary>
/// A mean with Student t confidence limits, mean ± t(df = n − 1) · sd/√n, as PHEindicatormethods::phe_mean. A single
/// value has no standard deviation, so its limits are missing.
/// </summary>
public static class Mean
{
    /// <exception cref="ArgumentException">No values, or a value that is not finite.</exception>
    public static Estimate Calculate(IReadOnlyList<double> values, ConfidenceLevels confidence)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(confidence);
        if (values.Count == 0)
        {
            throw new ArgumentException("a mean needs at least one value.", nameof(values));
        }

        foreach (var value in values)
        {
            Require.Finite(value, "values");
        }

        var n = values.Count;
        // Two passes, as R's mean() and var(): the correction pass removes most rounding of the first sum.
        var mean = values.Sum() / n;
        mean += values.Sum(v => v - mean) / n;
        var variance = n > 1 ? values.Sum(v => (v - mean) * (v - mean)) / (n - 1) : double.NaN;
        var standardError = Math.Sqrt(variance / n);
        return Estimate.From(mean, confidence, level =>
        {
            if (n < 2)
            {
                return (double.NaN, double.NaN);
            }

            var t = Distributions.StudentTQuantile((1 + level) / 2, n - 1);
            return (mean - t * standardError, mean + t * standardError);
        });
    }
}
