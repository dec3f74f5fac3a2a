namespace Concordat.PublicHealth;

/// <summary>
/// A crude rate per <c>multiplier</c> population, as PHEindicatormethods::phe_rate: exact Poisson (chi-square) limits
/// for fewer than 10 events, Byar's approximation from 10.
/// </summary>
public static class CrudeRate
{
    /// <exception cref="ArgumentException">A negative numerator or a denominator not above zero.</exception>
    public static Estimate Calculate(double numerator, double denominator, double multiplier, ConfidenceLevels confidence)
    {
        ArgumentNullException.ThrowIfNull(confidence);
        Require.NonNegative([numerator], "numerators");
        Require.Positive([denominator], "denominators");
        return Estimate.From(numerator / denominator * multiplier, confidence, level =>
        {
            var (lower, upper) = PoissonLimits.Count(numerator, level);
            return (lower / denominator * multiplier, upper / denominator * multiplier);
        });
    }
}
