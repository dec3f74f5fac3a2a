namespace Concordat.PublicHealth;

/// <summary>
/// A directly standardised rate with Dobson confidence limits (Dobson et al. 1991), independent events, as
/// PHEindicatormethods::phe_dsr: Σ wᵢOᵢ/nᵢ / Σ wᵢ, with the limits of the total count (Byar's) scaled by the rate's
/// standard error. Fewer than 10 events in total gives a missing rate and limits, as the package does.
/// </summary>
public static class DirectlyStandardisedRate
{
    /// <exception cref="ArgumentException">
    /// Negative counts, a denominator not above zero in any band, or a standard population of a different length.
    /// </exception>
    public static Estimate Calculate(
        IReadOnlyList<double> numerators,
        IReadOnlyList<double> denominators,
        IReadOnlyList<double> standardPopulations,
        double multiplier,
        ConfidenceLevels confidence)
    {
        ArgumentNullException.ThrowIfNull(numerators);
        ArgumentNullException.ThrowIfNull(denominators);
        ArgumentNullException.ThrowIfNull(standardPopulations);
        ArgumentNullException.ThrowIfNull(confidence);
        Require.SameLength(numerators.Count, denominators.Count, "denominators");
        Require.SameLength(numerators.Count, standardPopulations.Count, "standard_populations");
        Require.NonNegative(numerators, "numerators");
        Require.Positive(denominators, "denominators");

        var total = numerators.Sum();
        if (total < PoissonLimits.ExactBelow)
        {
            return Estimate.Missing(confidence);
        }

        double weighted = 0, weights = 0, varianceSum = 0;
        for (var i = 0; i < numerators.Count; i++)
        {
            weighted += numerators[i] * standardPopulations[i] / denominators[i];
            weights += standardPopulations[i];
            varianceSum += standardPopulations[i] * standardPopulations[i] * numerators[i] / (denominators[i] * denominators[i]);
        }

        var rate = weighted / weights;
        var variance = varianceSum / (weights * weights);
        var scale = Math.Sqrt(variance / total);
        return Estimate.From(rate * multiplier, confidence, level =>
        {
            var (lower, upper) = PoissonLimits.Count(total, level);
            return ((rate + scale * (lower - total)) * multiplier, (rate + scale * (upper - total)) * multiplier);
        });
    }
}
