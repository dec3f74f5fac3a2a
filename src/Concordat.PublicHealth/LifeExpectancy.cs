namespace Concordat.PublicHealth;

/// <summary>
/// Period life expectancy from an abridged life table by Chiang's method II, with confidence limits from Silcocks'
/// variance (Silcocks, Jenner and Reza 2001, including the open-ended last band), as
/// PHEindicatormethods::phe_life_expectancy and the PHE life expectancy calculator: bands starting at ages
/// 0, 1, 5, 10, …, 90; a fraction of the interval lived by those dying of 0.1 in the first year and 0.5 elsewhere.
/// </summary>
/// <remarks>
/// The package does not refuse unreliable data; it returns NA. So does this: the whole result is missing when the
/// total population is 5,000 or less, deaths are negative or above the population, a population is zero, the
/// band count is not 20, or the last band has no deaths; and the value alone is missing when its 95% interval is
/// wider than 20 years.
/// </remarks>
public static class LifeExpectancy
{
    public const int BandCount = 20;
    private const double MinimumTotalPopulation = 5000;
    private const double WidestInterval = 20;

    /// <summary>
    /// Life expectancy at <c>startAge</c> (a band's start age; 0 for life expectancy at birth) from deaths and
    /// populations per age band, the bands given by their start ages ascending from 0.
    /// </summary>
    /// <exception cref="ArgumentException">The first band does not start at 0, the bands are not ascending, or <paramref name="startAge"/> is not a band.</exception>
    public static Estimate Calculate(
        IReadOnlyList<double> ageBands,
        IReadOnlyList<double> deaths,
        IReadOnlyList<double> populations,
        double startAge,
        ConfidenceLevels confidence)
    {
        ArgumentNullException.ThrowIfNull(ageBands);
        ArgumentNullException.ThrowIfNull(deaths);
        ArgumentNullException.ThrowIfNull(populations);
        ArgumentNullException.ThrowIfNull(confidence);
        if (ageBands.Count == 0 || ageBands[0] != 0)
        {
            throw new ArgumentException("first age band in age_contents must be 0.", nameof(ageBands));
        }

        for (var i = 1; i < ageBands.Count; i++)
        {
            if (!(ageBands[i] > ageBands[i - 1]))
            {
                throw new ArgumentException("age bands must be in ascending order.", nameof(ageBands));
            }
        }

        var band = IndexOf(ageBands, startAge);
        if (band < 0)
        {
            throw new ArgumentException($"start_age {startAge} is not one of the age bands.", nameof(startAge));
        }

        // An incomplete set of bands is, like the package's check against age_contents, a missing result.
        if (ageBands.Count != BandCount
            || deaths.Count != BandCount
            || populations.Count != BandCount
            || populations.Sum() <= MinimumTotalPopulation
            || deaths.Any(d => d < 0)
            || populations.Any(p => p <= 0)
            || deaths.Where((d, i) => d > populations[i]).Any()
            || deaths[^1] == 0)
        {
            return Estimate.Missing(confidence);
        }

        var (expectancy, variance) = Table(ageBands, deaths, populations, band);
        var standardError = Math.Sqrt(variance);
        var z95 = ConfidenceLevels.NormalZ(0.95);
        var value = 2 * z95 * standardError > WidestInterval ? double.NaN : expectancy;
        return Estimate.From(value, confidence, level =>
        {
            var z = ConfidenceLevels.NormalZ(level);
            return (expectancy - z * standardError, expectancy + z * standardError);
        });
    }

    private static int IndexOf(IReadOnlyList<double> ageBands, double age)
    {
        for (var i = 0; i < ageBands.Count; i++)
        {
            if (ageBands[i] == age)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The life table's expectation of life at the start of <paramref name="band"/>, and its Silcocks variance.</summary>
    private static (double Expectancy, double Variance) Table(
        IReadOnlyList<double> ageBands, IReadOnlyList<double> deaths, IReadOnlyList<double> populations, int band)
    {
        var count = ageBands.Count;
        var last = count - 1;
        var width = new double[count];
        var fraction = new double[count];
        var probability = new double[count];
        var alive = new double[count + 1];
        var lived = new double[count];
        alive[0] = 100_000;
        for (var i = 0; i < count; i++)
        {
            var rate = deaths[i] / populations[i];
            fraction[i] = i == 0 ? 0.1 : 0.5;
            if (i < last)
            {
                width[i] = ageBands[i + 1] - ageBands[i];
                probability[i] = width[i] * rate / (1 + (1 - fraction[i]) * width[i] * rate);
                alive[i + 1] = alive[i] * (1 - probability[i]);
                lived[i] = width[i] * (alive[i + 1] + fraction[i] * (alive[i] - alive[i + 1]));
            }
            else
            {
                probability[i] = 1;
                lived[i] = alive[i] / rate;
            }
        }

        var expectancy = new double[count + 1];
        var remaining = 0.0;
        for (var i = last; i >= 0; i--)
        {
            remaining += lived[i];
            // A band where no one is left alive (deaths at 40% of a five-year band's population make q = 1) has an
            // expectancy of 0, not 0/0, as in the package.
            expectancy[i] = alive[i] == 0 ? 0 : remaining / alive[i];
        }

        // Silcocks: Var(eₓ) = Σᵢ≥ₓ lᵢ²((1 − aᵢ)nᵢ + eᵢ₊₁)² Var(qᵢ) / lₓ², with Var(qᵢ) = qᵢ²(1 − qᵢ)/Dᵢ and, for the
        // open last band, (l/2)² · 4/(D M²).
        var weightedSum = 0.0;
        for (var i = last; i >= band; i--)
        {
            if (i == last)
            {
                var rate = deaths[i] / populations[i];
                weightedSum += alive[i] / 2 * (alive[i] / 2) * (4 / (deaths[i] * rate * rate));
            }
            else if (deaths[i] > 0)
            {
                var q = probability[i];
                var factor = (1 - fraction[i]) * width[i] + expectancy[i + 1];
                weightedSum += alive[i] * alive[i] * factor * factor * (q * q * (1 - q) / deaths[i]);
            }
        }

        return (expectancy[band], weightedSum / (alive[band] * alive[band]));
    }
}
