using System.Collections.Immutable;

namespace Concordat.PublicHealth;

/// <summary>The kind of indicator an SII is computed on, which decides its optional transformation.</summary>
public enum SiiValueType
{
    /// <summary>Anything else (life expectancy, a score): no transformation allowed.</summary>
    Other = 0,

    /// <summary>A rate: log-transformed when asked.</summary>
    Rate = 1,

    /// <summary>A proportion from 0 to 1: logit-transformed when asked.</summary>
    Proportion = 2,
}

/// <summary>One quantile (for example a deprivation decile) of an SII: its population, value and 95% limits.</summary>
public sealed record SiiQuantile(int Quantile, double Population, double Value, double Lower, double Upper);

/// <summary>The slope index of inequality, and the relative index when asked for, each with their limits.</summary>
public sealed record InequalityIndices(
    double Sii,
    ImmutableArray<ConfidenceInterval> SiiIntervals,
    double? Rii,
    ImmutableArray<ConfidenceInterval> RiiIntervals);

/// <summary>
/// The slope and relative indices of inequality, as PHEindicatormethods::phe_sii (Low and Low 2004; the PHE
/// technical guide "Calculating the slope index of inequality"): each quantile's relative rank is the midpoint of its
/// share of the cumulative population; the SII is the difference between the fitted values at ranks 1 and 0 of a
/// population-weighted least-squares line, the RII their ratio. A rate may be fitted on the log scale and a
/// proportion on the logit scale (transform), the fitted ends transformed back. Confidence limits are percentiles of
/// the SII and RII over simulated data sets, each quantile's value drawn from a normal distribution with the
/// standard error implied by its 95% limits.
/// </summary>
/// <remarks>
/// The simulation uses its own seeded generator, so its limits are reproducible here but not R's bit for bit; with
/// 100,000 repetitions they agree with the package's to within a few per cent of the interval's width.
/// </remarks>
public static class SlopeIndexOfInequality
{
    public const int DefaultRepetitions = 100_000;
    private const int MinimumQuantiles = 5;
    private const int MaximumQuantiles = 100;

    /// <summary>
    /// The SII (and RII when <c>rii</c>) of quantiles ordered from quantile 1; <c>multiplier</c> scales the SII and its
    /// limits (−1 reverses polarity, which inverts the RII); <c>repetitions</c> and <c>seed</c> drive the simulation.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than 5 or more than 100 quantiles, a population not above zero, a transform of an 'other' value, or values the transform cannot take.</exception>
    public static InequalityIndices Calculate(
        IReadOnlyList<SiiQuantile> quantiles,
        SiiValueType valueType,
        bool transform,
        bool rii,
        double multiplier,
        ConfidenceLevels confidence,
        int repetitions = DefaultRepetitions,
        int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(quantiles);
        ArgumentNullException.ThrowIfNull(confidence);
        if (quantiles.Count is < MinimumQuantiles or > MaximumQuantiles)
        {
            throw new ArgumentException("Number of quantiles must be between 5 and 100.", nameof(quantiles));
        }

        if (!Enum.IsDefined(valueType))
        {
            throw new ArgumentException("value_type should be 0, 1 or 2.", nameof(valueType));
        }

        if (transform && valueType == SiiValueType.Other)
        {
            throw new ArgumentException("value_type should be 1 or 2 when transform is true.", nameof(transform));
        }

        if (quantiles.Any(q => !(q.Population > 0)))
        {
            throw new ArgumentException("some quantiles have zero or negative populations.", nameof(quantiles));
        }

        if (quantiles.Any(q => !double.IsFinite(q.Value) || !double.IsFinite(q.Lower) || !double.IsFinite(q.Upper)))
        {
            throw new ArgumentException("every quantile needs a finite value and 95% limits.", nameof(quantiles));
        }

        if (valueType == SiiValueType.Proportion && quantiles.Any(q => q.Value < 0 || q.Value > 1 || q.Lower < 0 || q.Upper > 1))
        {
            throw new ArgumentException("proportions and their limits must be between 0 and 1.", nameof(quantiles));
        }


        var ordered = quantiles.OrderBy(q => q.Quantile).ToArray();
        // Rates and proportions are always sampled on the log or logit scale (their limits are not symmetric); the
        // line is fitted on that scale only when transform is asked for, otherwise on the natural scale.
        var sampling = new Scale(valueType);
        var fitted = transform ? sampling : new Scale(SiiValueType.Other);
        var z95 = ConfidenceLevels.NormalZ(0.95);
        var centres = ordered.Select(q => sampling.Forward(q.Value)).ToArray();
        var errors = ordered.Select(q => (sampling.Forward(q.Upper) - sampling.Forward(q.Lower)) / (2 * z95)).ToArray();
        var fit = new RankFit(ordered.Select(q => q.Population).ToArray());

        var (sii, ratio) = fit.Indices([.. ordered.Select(q => fitted.Forward(q.Value))], fitted);
        var simulatedSii = new double[repetitions];
        var simulatedRii = new double[repetitions];
        var normal = new NormalSampler(seed);
        var draw = new double[centres.Length];
        for (var r = 0; r < repetitions; r++)
        {
            for (var i = 0; i < draw.Length; i++)
            {
                var sampled = centres[i] + errors[i] * normal.Next();
                draw[i] = transform ? sampled : sampling.Back(sampled);
            }

            (simulatedSii[r], simulatedRii[r]) = fit.Indices(draw, fitted);
        }

        Array.Sort(simulatedSii);
        Array.Sort(simulatedRii);
        var siiIntervals = confidence.Levels.Select(level => Limits(simulatedSii, level, x => x * multiplier)).ToImmutableArray();
        var riiOf = multiplier < 0 ? (Func<double, double>)(x => 1 / x) : (x => x);
        return new InequalityIndices(
            sii * multiplier,
            siiIntervals,
            rii ? Estimate.Finite(riiOf(ratio)) : null,
            rii ? [.. confidence.Levels.Select(level => Limits(simulatedRii, level, riiOf))] : []);
    }

    // A negative multiplier turns the lower percentile into the upper limit, so the pair is put back in order.
    private static ConfidenceInterval Limits(double[] sorted, double level, Func<double, double> map)
    {
        var a = map(Percentile(sorted, (1 - level) / 2));
        var b = map(Percentile(sorted, level + (1 - level) / 2));
        return new ConfidenceInterval(level, Estimate.Finite(Math.Min(a, b)), Estimate.Finite(Math.Max(a, b)));
    }

    /// <summary>R's default quantile (type 7): linear interpolation between order statistics at (n − 1)p.</summary>
    internal static double Percentile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var low = (int)Math.Floor(h);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }

    /// <summary>Standard normal deviates by Marsaglia's polar method, two per accepted pair of uniforms.</summary>
    private sealed class NormalSampler(int seed)
    {
        private readonly Random random = new(seed);
        private double? spare;

        public double Next()
        {
            if (spare is { } kept)
            {
                spare = null;
                return kept;
            }

            double u, v, s;
            do
            {
                u = 2 * random.NextDouble() - 1;
                v = 2 * random.NextDouble() - 1;
                s = u * u + v * v;
            }
            while (s >= 1 || s == 0);
            var factor = Math.Sqrt(-2 * Math.Log(s) / s);
            spare = v * factor;
            return u * factor;
        }
    }

    /// <summary>A value's scale: natural for 'other', log for a rate, logit for a proportion; and the way back.</summary>
    private readonly record struct Scale(SiiValueType ValueType)
    {
        public double Forward(double x) => ValueType switch
        {
            SiiValueType.Rate => Math.Log(x),
            SiiValueType.Proportion => Math.Log(x / (1 - x)),
            _ => x,
        };

        public double Back(double y) => ValueType switch
        {
            SiiValueType.Rate => Math.Exp(y),
            SiiValueType.Proportion => Math.Exp(y) / (1 + Math.Exp(y)),
            _ => y,
        };
    }

    /// <summary>The population-weighted regression of value on relative rank; its coefficients are linear in the values.</summary>
    private sealed class RankFit
    {
        private readonly double[] weights;
        private readonly double[] slopeCoefficients;
        private readonly double meanRank;

        public RankFit(double[] populations)
        {
            var total = populations.Sum();
            weights = [.. populations.Select(p => p / total)];
            var ranks = new double[weights.Length];
            var cumulative = 0.0;
            for (var i = 0; i < weights.Length; i++)
            {
                ranks[i] = cumulative + weights[i] / 2;
                cumulative += weights[i];
            }

            meanRank = weights.Select((w, i) => w * ranks[i]).Sum();
            var spread = weights.Select((w, i) => w * (ranks[i] - meanRank) * (ranks[i] - meanRank)).Sum();
            slopeCoefficients = [.. weights.Select((w, i) => w * (ranks[i] - meanRank) / spread)];
        }

        /// <summary>The fitted values at rank 1 and rank 0 on the natural scale: their difference and ratio.</summary>
        public (double Sii, double Rii) Indices(double[] values, Scale scale)
        {
            double slope = 0, meanValue = 0;
            for (var i = 0; i < values.Length; i++)
            {
                slope += slopeCoefficients[i] * values[i];
                meanValue += weights[i] * values[i];
            }

            var intercept = meanValue - slope * meanRank;
            var top = scale.Back(intercept + slope);
            var bottom = scale.Back(intercept);
            return (top - bottom, top / bottom);
        }
    }
}
