using Concordat.Core.Resources;

namespace Concordat.Core.Tests.Resources;

public sealed class FinancialYearTests
{
    [Theory]
    [InlineData("2026/27", true)]
    [InlineData("1999/00", true)]
    [InlineData("2026/28", false)]
    [InlineData("2026-27", false)]
    [InlineData("26/27", false)]
    [InlineData("2026/27 ", false)]
    [InlineData(null, false)]
    public void IsValid_OnlyAYearAndTheNextYearsLastTwoDigits(string? text, bool valid) =>
        Assert.Equal(valid, FinancialYear.IsValid(text));
}
