using Concordat.Core.Words;
using Concordat.Core.Resources;

namespace Concordat.Core.Tests.Resources;

public sealed class PenceTests
{
    [Theory]
    [InlineData("1250000", 125_000_000L)]
    [InlineData("£1,250,000.50", 125_000_050L)]
    [InlineData(" 0.01 ", 1L)]
    [InlineData("0", 0L)]
    [InlineData("999999999999.99", Pence.Max)]
    public void TryParsePounds_AmountsAsPeopleTypeThem_AreExactPence(string text, long pence)
    {
        Assert.True(Pence.TryParsePounds(text, out var parsed));
        Assert.Equal(pence, parsed);
    }

    [Theory]
    [InlineData("10.005")]
    [InlineData("1000000000000")]
    [InlineData("ten pounds")]
    [InlineData("1e6")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParsePounds_TextThatIsNotPoundsAndPence_IsRefused(string? text) =>
        Assert.False(Pence.TryParsePounds(text, out _));

    [Fact]
    public void Sums_OfManySmallAmounts_StayExact()
    {
        // 0.1 + 0.2 is not 0.3 in binary floating point; in pence it is.
        var pence = Enumerable.Repeat(10L, 1000).Sum() + Enumerable.Repeat(20L, 1000).Sum();

        Assert.Equal(30_000L, pence);
        Assert.Equal("£300", Prose.Pounds(pence));
        Assert.Equal("£1,250,000.50", Prose.Pounds(125_000_050));
        Assert.Equal(1_250_000.50m, Pence.InPounds(125_000_050));
    }
}
