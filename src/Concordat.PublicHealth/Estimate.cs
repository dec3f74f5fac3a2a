using System.Collections.Immutable;

namespace Concordat.PublicHealth;

/// <summary>Confidence limits at one level; either may be missing (NA in the package).</summary>
public sealed record ConfidenceInterval(double Level, double? Lower, double? Upper);

/// <summary>
/// A statistic and its confidence limits, one interval per requested level in the order requested. A missing value
/// is one the package returns as NA (for example a directly standardised rate from fewer than 10 events).
/// </summary>
public sealed record Estimate(double? Value, ImmutableArray<ConfidenceInterval> Intervals)
{
    internal static Estimate From(double value, ConfidenceLevels confidence, Func<double, (double Lower, double Upper)> limits) =>
        new(Finite(value), [.. confidence.Levels.Select(level =>
        {
            var (lower, upper) = limits(level);
            return new ConfidenceInterval(level, Finite(lower), Finite(upper));
        })]);

    internal static Estimate Missing(ConfidenceLevels confidence) =>
        new(null, [.. confidence.Levels.Select(level => new ConfidenceInterval(level, null, null))]);

    /// <summary>NaN and infinities have no JSON form and no meaning as a published figure: they are missing.</summary>
    internal static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
