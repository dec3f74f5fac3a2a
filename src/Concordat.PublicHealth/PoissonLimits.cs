namespace Concordat.PublicHealth;

/// <summary>
/// Confidence limits for a Poisson count O, as PHEindicatormethods' <c>byars_lower</c>/<c>byars_upper</c> and its
/// exact chi-square limits: exact below 10 events, Byar's approximation from 10 (Breslow and Day 1987).
/// </summary>
internal static class PoissonLimits
{
    public const double ExactBelow = 10;

    /// <summary>Exact below 10, Byar's otherwise: the lower and upper limits of the count itself.</summary>
    public static (double Lower, double Upper) Count(double observed, double level) =>
        observed < ExactBelow ? Exact(observed, level) : Byars(observed, level);

    /// <summary>Exact limits: qchisq(α/2, 2O)/2 and qchisq(1 − α/2, 2O + 2)/2, that is the gamma quantiles.</summary>
    public static (double Lower, double Upper) Exact(double observed, double level)
    {
        var alpha = 1 - level;
        return (Distributions.GammaQuantile(alpha / 2, observed), Distributions.GammaQuantile(level + alpha / 2, observed + 1));
    }

    /// <summary>Byar's approximation: O(1 − 1/(9O) − z/(3√O))³ and (O+1)(1 − 1/(9(O+1)) + z/(3√(O+1)))³.</summary>
    public static (double Lower, double Upper) Byars(double observed, double level)
    {
        var z = ConfidenceLevels.NormalZ(level);
        var lower = observed * Math.Pow(1 - 1 / (9 * observed) - z / (3 * Math.Sqrt(observed)), 3);
        var next = observed + 1;
        var upper = next * Math.Pow(1 - 1 / (9 * next) + z / (3 * Math.Sqrt(next)), 3);
        return (lower, upper);
    }
}
