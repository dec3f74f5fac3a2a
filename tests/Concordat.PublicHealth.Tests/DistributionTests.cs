namespace Concordat.PublicHealth.Tests;

/// <summary>The quantile functions against values computed to 30 digits with arbitrary-precision arithmetic.</summary>
public sealed class DistributionTests
{
    [Theory]
    [InlineData(0.975, 1.9599639845400542)]
    [InlineData(0.999, 3.0902323061678135)]
    [InlineData(0.95, 1.6448536269514723)]
    [InlineData(1e-10, -6.3613409024040562)]
    public void Normal_quantile(double p, double expected) => AssertClose(expected, Distributions.NormalQuantile(p));

    [Theory]
    [InlineData(0.025, 1, 0.025317807984289875)]
    [InlineData(0.975, 1, 3.6888794541139363)]
    [InlineData(0.001, 3, 0.19053337756840319)]
    [InlineData(0.999, 10, 22.657373309062931)]
    [InlineData(0.025, 4.5, 1.350194749990179)]
    public void Gamma_quantile(double p, double shape, double expected) => AssertClose(expected, Distributions.GammaQuantile(p, shape));

    [Theory]
    [InlineData(0.975, 3, 3.1824463052837096)]
    [InlineData(0.999, 5, 5.8934295313560101)]
    [InlineData(0.975, 149, 1.9760131776891925)]
    [InlineData(0.999, 3, 10.214531852407387)]
    public void Student_t_quantile(double p, double df, double expected) => AssertClose(expected, Distributions.StudentTQuantile(p, df));

    [Fact]
    public void Gamma_quantile_of_no_events_is_zero() => Assert.Equal(0, Distributions.GammaQuantile(0.025, 0));

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-13 * Math.Abs(expected), $"{actual:R} is not {expected:R}");
}
