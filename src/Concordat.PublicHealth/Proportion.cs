namespace Concordat.PublicHealth;

/// <summary>
/// A proportion with Wilson score confidence limits, as PHEindicatormethods::phe_proportion (Wilson 1927; the
/// Fingertips technical guidance, "Confidence intervals for proportions").
/// </summary>
public static class Proportion
{
    /// <summary>numerator/denominator × multiplier (1 for a proportion, 100 for a percentage), with Wilson limits.</summary>
    /// <exception cref="ArgumentException">A negative numerator, a denominator not above zero, or a numerator above the denominator.</exception>
    public static Estimate Calculate(double numerator, double denominator, double multiplier, ConfidenceLevels confidence)
    {
        ArgumentNullException.ThrowIfNull(confidence);
        Require.NonNegative([numerator], "numerators");
        Require.Positive([denominator], "denominators");
        if (numerator > denominator)
        {
            throw new ArgumentException("numerators must be less than or equal to denominator for a proportion statistic.", nameof(numerator));
        }

        return Estimate.From(numerator / denominator * multiplier, confidence, level =>
        {
            var (lower, upper) = Wilson(numerator, denominator, level);
            return (lower * multiplier, upper * multiplier);
        });
    }

    /// <summary>(2x + z² ∓ z√(z² + 4x(1 − x/n))) / (2(n + z²)).</summary>
    internal static (double Lower, double Upper) Wilson(double x, double n, double level)
    {
        var z = ConfidenceLevels.NormalZ(level);
        var root = z * Math.Sqrt(z * z + 4 * x * (1 - x / n));
        return ((2 * x + z * z - root) / 2 / (n + z * z), (2 * x + z * z + root) / 2 / (n + z * z));
    }
}
