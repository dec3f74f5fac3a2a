namespace Concordat.Spc.Tests;

/// <summary>Invalid options and inputs throw <see cref="ArgumentException"/> naming the problem.</summary>
public sealed class OptionsTests
{
    [Fact]
    public void Options_BaselineBelowTwelve_Throws()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new SpcOptions { BaselinePointCount = 11 });

        Assert.Contains("at least 12", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Options_NonFiniteTarget_Throws(double target)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new SpcOptions { Target = target });

        Assert.Contains("Target must be a finite number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_UndefinedImprovementDirection_Throws() =>
        Assert.ThrowsAny<ArgumentException>(() => new SpcOptions { Improvement = (ImprovementDirection)7 });

    [Fact]
    public void Options_UndefinedTwoInThreeRule_Throws() =>
        Assert.ThrowsAny<ArgumentException>(() => new SpcOptions { TwoInThreeRule = (TwoInThreeRule)7 });

    [Fact]
    public void Options_NegativeRebaseIndex_Throws()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new SpcOptions { RebaseIndices = [3, -1] });

        Assert.Contains("Rebase index -1 is negative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_DuplicateRebaseIndex_Throws()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new SpcOptions { RebaseIndices = [3, 8, 3] });

        Assert.Contains("Rebase index 3 is given twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyse_RebasePastTheEnd_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Series.Analyse(new SpcOptions { RebaseIndices = [5] }, 1, 2, 3, 4, 5));

        Assert.Contains("Rebase index 5 is past the last point (4)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyse_EmptySeries_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => XmrAnalysis.Analyse(ReadOnlySpan<double?>.Empty, SpcOptions.Default));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyse_InfiniteValue_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Series.Analyse(1, double.PositiveInfinity, 3));

        Assert.Contains("Value 1 is infinite", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyse_NaNInDoubleOverload_IsMissing()
    {
        var fromNaN = XmrAnalysis.Analyse([1, double.NaN, 5, 6], SpcOptions.Default);
        var fromNull = Series.Analyse(1, null, 5, 6);

        Assert.Equal(fromNull.Points.ToArray(), fromNaN.Points.ToArray());
        Assert.Null(fromNaN.Points[1].Value);
    }

    [Fact]
    public void Options_WithSameRebaseIndices_AreEqual()
    {
        var a = new SpcOptions { RebaseIndices = [12, 4], Target = 3 };
        var b = new SpcOptions { RebaseIndices = [4, 12], Target = 3 };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { ScreenOutliers = false });
    }

    [Fact]
    public void Defaults_MatchThePackage()
    {
        var options = SpcOptions.Default;

        Assert.Equal(ImprovementDirection.Increase, options.Improvement);
        Assert.True(options.ScreenOutliers);
        Assert.Null(options.Target);
        Assert.Null(options.BaselinePointCount);
        Assert.Empty(options.RebaseIndices);
        Assert.Equal(TwoInThreeRule.PlotTheDots, options.TwoInThreeRule);
    }

    [Fact]
    public void Options_ToString_ListsTheRebaseIndices() =>
        Assert.Contains("RebaseIndices = [4, 12]", new SpcOptions { RebaseIndices = [12, 4] }.ToString(), StringComparison.Ordinal);
}
