namespace Concordat.PublicHealth;

/// <summary>
/// The quantile functions the methods need (normal, Student t, gamma/chi-square), written from their textbook
/// definitions: each CDF comes from a regularised incomplete gamma or beta function evaluated by series or continued
/// fraction, and each quantile is found by safeguarded Newton iteration on that CDF. That is slower than R's
/// rational approximations but agrees with them to about 1e-14, far inside the 1e-9 the methods are held to.
/// </summary>
internal static class Distributions
{
    private const double Epsilon = 1e-16;
    private const int MaxIterations = 1000;
    private static readonly double LogSqrtTwoPi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>log Γ(x) for x &gt; 0: Stirling's series after shifting x above 15.</summary>
    public static double LogGamma(double x)
    {
        if (x <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "log gamma needs a positive argument.");
        }

        var shift = 0.0;
        while (x < 15)
        {
            shift += Math.Log(x);
            x += 1;
        }

        var inverse = 1 / x;
        var inverseSquared = inverse * inverse;
        var series = inverse * (1.0 / 12 + inverseSquared * (-1.0 / 360 + inverseSquared * (1.0 / 1260
            + inverseSquared * (-1.0 / 1680 + inverseSquared * (1.0 / 1188 + inverseSquared * (-691.0 / 360360
            + inverseSquared / 156))))));
        return (x - 0.5) * Math.Log(x) - x + LogSqrtTwoPi + series - shift;
    }

    /// <summary>The lower regularised incomplete gamma P(a, x) and its complement Q(a, x), each accurate on its own.</summary>
    public static (double P, double Q) RegularisedGamma(double a, double x)
    {
        if (x <= 0)
        {
            return (0, 1);
        }

        if (double.IsPositiveInfinity(x))
        {
            return (1, 0);
        }

        var logPrefix = a * Math.Log(x) - x - LogGamma(a);
        if (x < a + 1)
        {
            // Series: P = x^a e^-x / Γ(a+1) · Σ x^n / ((a+1)…(a+n)).
            var term = 1 / a;
            var sum = term;
            for (var n = 1; n < MaxIterations; n++)
            {
                term *= x / (a + n);
                sum += term;
                if (Math.Abs(term) < Math.Abs(sum) * Epsilon)
                {
                    break;
                }
            }

            var p = sum * Math.Exp(logPrefix);
            return (p, 1 - p);
        }

        // Continued fraction for Q (modified Lentz).
        const double tiny = 1e-300;
        var b = x + 1 - a;
        var c = 1 / tiny;
        var d = 1 / b;
        var h = d;
        for (var i = 1; i < MaxIterations; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.Abs(d) < tiny ? tiny : d;
            c = b + an / c;
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon)
            {
                break;
            }
        }

        var q = Math.Exp(logPrefix) * h;
        return (1 - q, q);
    }

    /// <summary>The regularised incomplete beta I_x(a, b), given x and 1 − x separately so neither loses digits.</summary>
    public static double RegularisedBeta(double x, double oneMinusX, double a, double b)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (oneMinusX <= 0)
        {
            return 1;
        }

        var logPrefix = a * Math.Log(x) + b * Math.Log(oneMinusX) + LogGamma(a + b) - LogGamma(a) - LogGamma(b);
        if (x < (a + 1) / (a + b + 2))
        {
            return Math.Exp(logPrefix) * BetaContinuedFraction(x, a, b) / a;
        }

        return 1 - Math.Exp(logPrefix) * BetaContinuedFraction(oneMinusX, b, a) / b;
    }

    private static double BetaContinuedFraction(double x, double a, double b)
    {
        const double tiny = 1e-300;
        var c = 1.0;
        var d = 1 - (a + b) * x / (a + 1);
        d = Math.Abs(d) < tiny ? tiny : d;
        d = 1 / d;
        var h = d;
        for (var m = 1; m < MaxIterations; m++)
        {
            var m2 = 2 * m;
            var even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + even * d;
            d = Math.Abs(d) < tiny ? tiny : d;
            c = 1 + even / c;
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            h *= d * c;
            var odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + odd * d;
            d = Math.Abs(d) < tiny ? tiny : d;
            c = 1 + odd / c;
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon)
            {
                break;
            }
        }

        return h;
    }

    /// <summary>Upper tail of the standard normal, Q(x) = erfc(x/√2)/2, through the incomplete gamma with a = 1/2.</summary>
    public static double NormalUpperTail(double x)
    {
        var (_, q) = RegularisedGamma(0.5, x * x / 2);
        return x >= 0 ? q / 2 : 1 - q / 2;
    }

    /// <summary>The standard normal quantile (R's <c>qnorm</c>).</summary>
    public static double NormalQuantile(double p)
    {
        if (double.IsNaN(p) || p < 0 || p > 1)
        {
            return double.NaN;
        }

        if (p == 0)
        {
            return double.NegativeInfinity;
        }

        if (p == 1)
        {
            return double.PositiveInfinity;
        }

        if (p == 0.5)
        {
            return 0;
        }

        // Work in the smaller tail, where the upper-tail probability is known to full relative precision.
        var upper = Math.Min(p, 1 - p);
        var sign = p > 0.5 ? 1.0 : -1.0;

        // Abramowitz and Stegun 26.2.23 (error below 4.5e-4) as a start, then Newton on the upper tail.
        var t = Math.Sqrt(-2 * Math.Log(upper));
        var x = t - (2.515517 + t * (0.802853 + t * 0.010328)) / (1 + t * (1.432788 + t * (0.189269 + t * 0.001308)));
        for (var i = 0; i < 50; i++)
        {
            var density = Math.Exp(-x * x / 2 - LogSqrtTwoPi);
            var step = (NormalUpperTail(x) - upper) / density;
            // Halley's correction: the density's slope is −x·density.
            step /= 1 + x * step / 2;
            x += step;
            if (Math.Abs(step) <= 1e-15 * Math.Abs(x))
            {
                break;
            }
        }

        return sign * x;
    }

    /// <summary>The gamma quantile with unit scale (R's <c>qgamma(p, shape)</c>; qchisq(p, k) is twice qgamma(p, k/2)).</summary>
    public static double GammaQuantile(double p, double shape)
    {
        if (shape == 0 || p == 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return double.PositiveInfinity;
        }

        // Wilson–Hilferty as a start, then Newton on whichever tail is smaller, kept inside a bracket.
        var z = NormalQuantile(p);
        var start = shape * Math.Pow(1 - 1 / (9 * shape) + z / (3 * Math.Sqrt(shape)), 3);
        var x = start > 0 ? start : Math.Pow(p * Math.Exp(LogGamma(shape + 1)), 1 / shape);
        double low = 0, high = double.PositiveInfinity;
        var logGamma = LogGamma(shape);
        for (var i = 0; i < 500; i++)
        {
            var (lower, upperTail) = RegularisedGamma(shape, x);
            var error = p < 0.5 ? lower - p : (1 - p) - upperTail;
            if (error > 0)
            {
                high = x;
            }
            else
            {
                low = x;
            }

            var density = Math.Exp((shape - 1) * Math.Log(x) - x - logGamma);
            var next = x - error / density;
            if (!(next > low && next < high) || !double.IsFinite(next))
            {
                next = double.IsPositiveInfinity(high) ? x * 2 : (low + high) / 2;
            }

            if (Math.Abs(next - x) <= 1e-15 * x)
            {
                return next;
            }

            x = next;
        }

        return x;
    }

    /// <summary>The Student t quantile (R's <c>qt(p, df)</c>) for p above one half.</summary>
    public static double StudentTQuantile(double p, double degreesOfFreedom)
    {
        if (p == 0.5)
        {
            return 0;
        }

        if (p < 0.5)
        {
            return -StudentTQuantile(1 - p, degreesOfFreedom);
        }

        var tail = 1 - p;
        if (degreesOfFreedom == 1)
        {
            return Math.Tan(Math.PI * (p - 0.5));
        }

        if (degreesOfFreedom == 2)
        {
            return (2 * p - 1) / Math.Sqrt(2 * p * (1 - p));
        }

        var df = degreesOfFreedom;
        var logNormaliser = LogGamma((df + 1) / 2) - LogGamma(df / 2) - 0.5 * Math.Log(df * Math.PI);
        var t = NormalQuantile(p);
        double low = 0, high = double.PositiveInfinity;
        for (var i = 0; i < 500; i++)
        {
            // Upper tail: ½ I_{df/(df+t²)}(df/2, ½).
            var upperTail = 0.5 * RegularisedBeta(df / (df + t * t), t * t / (df + t * t), df / 2, 0.5);
            var error = upperTail - tail;
            if (error > 0)
            {
                low = t;
            }
            else
            {
                high = t;
            }

            var density = Math.Exp(logNormaliser - (df + 1) / 2 * Math.Log(1 + t * t / df));
            var next = t + error / density;
            if (!(next > low && next < high) || !double.IsFinite(next))
            {
                next = double.IsPositiveInfinity(high) ? Math.Max(t * 2, 1) : (low + high) / 2;
            }

            if (Math.Abs(next - t) <= 1e-15 * t)
            {
                return next;
            }

            t = next;
        }

        return t;
    }
}
