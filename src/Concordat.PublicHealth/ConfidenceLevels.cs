using System.Collections.Immutable;

namespace Concordat.PublicHealth;

/// <summary>
/// The confidence level(s) a statistic's limits are given at: one level, or the pair 95% and 99.8% that Fingertips
/// shows together. Validated as PHEindicatormethods validates <c>confidence</c>: a level from 0.9 to 1 (or 90 to 100,
/// read as a percentage), and a pair only as exactly [0.95, 0.998].
/// </summary>
public sealed class ConfidenceLevels
{
    private ConfidenceLevels(ImmutableArray<double> levels) => Levels = levels;

    /// <summary>The levels as fractions, in the order given (one, or 0.95 then 0.998).</summary>
    public ImmutableArray<double> Levels { get; }

    /// <summary>Whether this is the 95% and 99.8% pair.</summary>
    public bool IsPair => Levels.Length == 2;

    /// <exception cref="ArgumentException">The levels are not ones the package accepts.</exception>
    public static ConfidenceLevels Of(IReadOnlyList<double> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        switch (levels.Count)
        {
            case 1:
                var level = levels[0];
                if (double.IsNaN(level) || level < 0.9 || (level > 1 && level < 90) || level > 100)
                {
                    throw new ArgumentException("confidence level must be between 90 and 100 or between 0.9 and 1.", nameof(levels));
                }

                return new([level >= 90 ? level / 100 : level]);
            case 2 when levels[0] == 0.95 && levels[1] == 0.998:
                return new([0.95, 0.998]);
            case 2:
                throw new ArgumentException("two confidence levels can only be produced if they are specified as 0.95 and 0.998.", nameof(levels));
            default:
                throw new ArgumentException("a maximum of two confidence levels can be given (0.95 and 0.998).", nameof(levels));
        }
    }

    /// <summary>The two-sided normal quantile for a level: qnorm(level + (1 − level)/2).</summary>
    internal static double NormalZ(double level) => Distributions.NormalQuantile(level + (1 - level) / 2);
}
