using Concordat.Core.Resources;

namespace Concordat.Core.Tests.Resources;

public sealed class CapacityLedgerTests
{
    private static readonly DateOnly Jan = new(2027, 1, 1);

    [Fact]
    public void Peak_AddsOnlyCommitmentsThatRunOnTheSameDay()
    {
        (double, DateOnly, DateOnly)[] commitments = [(40, Jan, Jan.AddDays(30)), (40, Jan.AddDays(59), Jan.AddDays(89)), (25, Jan.AddDays(20), Jan.AddDays(70))];

        Assert.Equal(65, CapacityLedger.Peak(commitments, Jan, Jan.AddYears(1)));
        Assert.Equal(40, CapacityLedger.Peak(commitments, Jan, Jan.AddDays(19)));
        Assert.Equal(25, CapacityLedger.Peak(commitments, Jan.AddDays(31), Jan.AddDays(58)));
        Assert.Equal(0, CapacityLedger.Peak(commitments, Jan.AddDays(90), Jan.AddYears(1)));
    }

    [Fact]
    public void Peak_BackToBackCommitmentsDoNotOverlap_ButSharingOneDayDoes()
    {
        Assert.Equal(10, CapacityLedger.Peak([(10, Jan, Jan.AddDays(9)), (10, Jan.AddDays(10), Jan.AddDays(19))], Jan, Jan.AddDays(19)));
        Assert.Equal(20, CapacityLedger.Peak([(10, Jan, Jan.AddDays(10)), (10, Jan.AddDays(10), Jan.AddDays(19))], Jan, Jan.AddDays(19)));
    }

    [Fact]
    public void Lowest_IsWhatIsThereOnEveryDayOfTheWindow()
    {
        (double, DateOnly, DateOnly)[] yearLong = [(12, Jan, Jan.AddYears(1).AddDays(-1))];
        (double, DateOnly, DateOnly)[] oneMonth = [(16, Jan, Jan.AddDays(30))];
        (double, DateOnly, DateOnly)[] relay = [(10, Jan, Jan.AddDays(179)), (10, Jan.AddDays(180), Jan.AddYears(1).AddDays(-1)), (4, Jan.AddDays(100), Jan.AddDays(200))];
        var year = (Jan, Jan.AddYears(1).AddDays(-1));

        Assert.Equal(12, CapacityLedger.Lowest(yearLong, year.Jan, year.Item2));
        Assert.Equal(0, CapacityLedger.Lowest(oneMonth, year.Jan, year.Item2));
        Assert.Equal(16, CapacityLedger.Lowest(oneMonth, Jan.AddDays(5), Jan.AddDays(20)));
        Assert.Equal(10, CapacityLedger.Lowest(relay, year.Jan, year.Item2));
        Assert.Equal(14, CapacityLedger.Lowest(relay, Jan.AddDays(100), Jan.AddDays(200)));
        Assert.Equal(0, CapacityLedger.Lowest([], year.Jan, year.Item2));
    }
}
