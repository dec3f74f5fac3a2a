namespace Concordat.PublicHealth;

/// <summary>The argument checks the package makes before computing, with its wording where it has one.</summary>
internal static class Require
{
    public static void NonNegative(IEnumerable<double> values, string what)
    {
        if (values.Any(v => double.IsNaN(v) || v < 0))
        {
            throw new ArgumentException($"{what} must all be greater than or equal to zero.", what);
        }
    }

    public static void Positive(IEnumerable<double> values, string what)
    {
        if (values.Any(v => double.IsNaN(v) || v <= 0))
        {
            throw new ArgumentException($"{what} must all be greater than zero.", what);
        }
    }

    public static void SameLength(int expected, int actual, string what)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"{what} must have the same number of age bands as the numerators ({expected}), not {actual}.", what);
        }
    }

    public static void Finite(double value, string what)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"{what} must be a finite number.", what);
        }
    }
}
