namespace Concordat.Spc.Tests;

/// <summary>Every enum value has a batch (snake_case) name that parses back to it.</summary>
public sealed class SpcNamesTests
{
    [Fact]
    public void Names_AreTheBatchInterfaceVocabulary()
    {
        Assert.Equal(["increase", "decrease", "neither"], Enum.GetValues<ImprovementDirection>().Select(v => v.ToName()));
        Assert.Equal(["ptd", "mdc2023"], Enum.GetValues<TwoInThreeRule>().Select(v => v.ToName()));
        Assert.Equal(["outside_limits", "trend", "two_in_three", "shift"], Enum.GetValues<SpecialCauseRule>().Select(v => v.ToName()));
        Assert.Equal(["high", "low"], Enum.GetValues<SignalDirection>().Select(v => v.ToName()));
        Assert.Equal(
            ["common_cause", "special_cause_improvement", "special_cause_concern", "special_cause_neither"],
            Enum.GetValues<PointType>().Select(v => v.ToName()));
        Assert.Equal(
            ["common_cause", "improvement_high", "improvement_low", "concern_high", "concern_low", "neither_high", "neither_low"],
            Enum.GetValues<VariationIcon>().Select(v => v.ToName()));
        Assert.Equal(["consistent_pass", "consistent_fail", "inconsistent"], Enum.GetValues<AssuranceIcon>().Select(v => v.ToName()));
    }

    [Fact]
    public void Names_ParseBackToTheSameValue()
    {
        Assert.All(Enum.GetValues<ImprovementDirection>(), v => Assert.True(SpcNames.TryParseImprovementDirection(v.ToName(), out var p) && p == v));
        Assert.All(Enum.GetValues<TwoInThreeRule>(), v => Assert.True(SpcNames.TryParseTwoInThreeRule(v.ToName(), out var p) && p == v));
        Assert.All(Enum.GetValues<SpecialCauseRule>(), v => Assert.True(SpcNames.TryParseSpecialCauseRule(v.ToName(), out var p) && p == v));
        Assert.All(Enum.GetValues<SignalDirection>(), v => Assert.True(SpcNames.TryParseSignalDirection(v.ToName(), out var p) && p == v));
        Assert.All(Enum.GetValues<PointType>(), v => Assert.True(SpcNames.TryParsePointType(v.ToName(), out var p) && p == v));
        Assert.All(Enum.GetValues<VariationIcon>(), v => Assert.True(SpcNames.TryParseVariationIcon(v.ToName(), out var p) && p == v));
        Assert.All(Enum.GetValues<AssuranceIcon>(), v => Assert.True(SpcNames.TryParseAssuranceIcon(v.ToName(), out var p) && p == v));
    }

    [Theory]
    [InlineData("Increase")]
    [InlineData("neutral")]
    [InlineData("")]
    [InlineData(null)]
    public void Names_ParseIsExact(string? name) => Assert.False(SpcNames.TryParseImprovementDirection(name, out _));
}
