namespace Concordat.PublicHealth;

/// <summary>
/// Indirect standardisation: observed events against those expected from a reference population's age-specific
/// rates, with exact Poisson limits for fewer than 10 observed events and Byar's from 10. As PHEindicatormethods'
/// <c>calculate_ISRatio</c> (the standardised mortality ratio, O/E × refvalue) and <c>calculate_ISRate</c> (the
/// indirectly standardised rate, O/E × the reference crude rate × multiplier).
/// </summary>
public static class IndirectlyStandardised
{
    /// <summary>The standardised ratio O/E × <paramref name="referenceValue"/> (1 or 100).</summary>
    /// <exception cref="ArgumentException">Negative counts, a denominator not above zero, or arrays of different lengths.</exception>
    public static Estimate Ratio(
        IReadOnlyList<double> numerators,
        IReadOnlyList<double> denominators,
        IReadOnlyList<double> referenceNumerators,
        IReadOnlyList<double> referenceDenominators,
        double referenceValue,
        ConfidenceLevels confidence) =>
        Calculate(numerators, denominators, referenceNumerators, referenceDenominators, confidence, (_, _) => referenceValue);

    /// <summary>The indirectly standardised rate, O/E × (Σ reference numerators / Σ reference denominators) × multiplier.</summary>
    /// <exception cref="ArgumentException">Negative counts, a denominator not above zero, or arrays of different lengths.</exception>
    public static Estimate Rate(
        IReadOnlyList<double> numerators,
        IReadOnlyList<double> denominators,
        IReadOnlyList<double> referenceNumerators,
        IReadOnlyList<double> referenceDenominators,
        double multiplier,
        ConfidenceLevels confidence) =>
        Calculate(numerators, denominators, referenceNumerators, referenceDenominators, confidence,
            (referenceEvents, referencePopulation) => referenceEvents / referencePopulation * multiplier);

    private static Estimate Calculate(
        IReadOnlyList<double> numerators,
        IReadOnlyList<double> denominators,
        IReadOnlyList<double> referenceNumerators,
        IReadOnlyList<double> referenceDenominators,
        ConfidenceLevels confidence,
        Func<double, double, double> scaleOf)
    {
        ArgumentNullException.ThrowIfNull(numerators);
        ArgumentNullException.ThrowIfNull(denominators);
        ArgumentNullException.ThrowIfNull(referenceNumerators);
        ArgumentNullException.ThrowIfNull(referenceDenominators);
        ArgumentNullException.ThrowIfNull(confidence);
        Require.SameLength(numerators.Count, denominators.Count, "denominators");
        Require.SameLength(numerators.Count, referenceNumerators.Count, "reference_numerators");
        Require.SameLength(numerators.Count, referenceDenominators.Count, "reference_denominators");
        Require.NonNegative(numerators, "numerators");
        Require.Positive(denominators, "denominators");

        // The reference figures are not checked, as the package does not check them: a zero reference population
        // gives an infinite or undefined expected count, and so a zero or missing result rather than an error.
        double observed = 0, expected = 0;
        for (var i = 0; i < numerators.Count; i++)
        {
            observed += numerators[i];
            expected += denominators[i] * referenceNumerators[i] / referenceDenominators[i];
        }

        var scale = scaleOf(referenceNumerators.Sum(), referenceDenominators.Sum());
        return Estimate.From(observed / expected * scale, confidence, level =>
        {
            var (lower, upper) = PoissonLimits.Count(observed, level);
            return (lower / expected * scale, upper / expected * scale);
        });
    }
}
