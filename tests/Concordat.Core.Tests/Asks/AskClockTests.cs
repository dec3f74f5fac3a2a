using Concordat.Core.Access;
using Concordat.Core.Asks;

namespace Concordat.Core.Tests.Asks;

/// <summary>
/// The ask's clock on England and Wales working days: the bank holidays as gov.uk publishes them, whose move each kind
/// of iteration leaves, the days each side held the ask, and when the body addressed is overdue.
/// </summary>
public sealed class AskClockTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    public static TheoryData<int, DateOnly[]> PublishedBankHolidays => new()
    {
        { 2025, [D(2025, 1, 1), D(2025, 4, 18), D(2025, 4, 21), D(2025, 5, 5), D(2025, 5, 26), D(2025, 8, 25), D(2025, 12, 25), D(2025, 12, 26)] },
        // Boxing Day on a Saturday is taken on the Monday.
        { 2026, [D(2026, 1, 1), D(2026, 4, 3), D(2026, 4, 6), D(2026, 5, 4), D(2026, 5, 25), D(2026, 8, 31), D(2026, 12, 25), D(2026, 12, 28)] },
        // Christmas on a Saturday and Boxing Day on a Sunday: Monday and Tuesday.
        { 2027, [D(2027, 1, 1), D(2027, 3, 26), D(2027, 3, 29), D(2027, 5, 3), D(2027, 5, 31), D(2027, 8, 30), D(2027, 12, 27), D(2027, 12, 28)] },
    };

    [Theory]
    [MemberData(nameof(PublishedBankHolidays))]
    public void BankHolidays_AreThoseGovUkPublishes(int year, DateOnly[] published) =>
        Assert.Equal(published.Order(), WorkingDays.BankHolidays(year).Order());

    [Theory]
    [InlineData(2022, 9, 19)] // State funeral of Queen Elizabeth II
    [InlineData(2023, 5, 8)] // Coronation of King Charles III
    [InlineData(2020, 5, 8)] // The early May holiday moved to VE Day
    public void OneOffHolidays_AreNotWorkingDays(int year, int month, int day)
    {
        Assert.True(WorkingDays.IsBankHoliday(D(year, month, day)));
        Assert.False(WorkingDays.IsWorkingDay(D(year, month, day)));
    }

    [Fact]
    public void TheEarlyMayHoliday_MovedToVeDay_LeavesTheFirstMondayAWorkingDay() =>
        Assert.True(WorkingDays.IsWorkingDay(D(2020, 5, 4)));

    [Theory]
    [InlineData("2026-12-18", "2026-12-21", 1)] // Friday to Monday: the weekend is not counted
    [InlineData("2026-04-02", "2026-04-07", 1)] // Thursday to Tuesday over Easter: only the Tuesday
    [InlineData("2026-12-24", "2026-12-29", 1)] // Christmas Eve to the Tuesday: Christmas and the substitute Boxing Day are holidays
    [InlineData("2026-03-02", "2026-03-02", 0)]
    [InlineData("2026-03-02", "2026-03-16", 10)]
    [InlineData("2026-03-16", "2026-03-02", 0)]
    public void WorkingDaysBetween_CountsTheWorkingDaysAfterTheFirstDayUpToTheLast(string from, string to, int expected) =>
        Assert.Equal(expected, WorkingDays.Between(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(AskIterationKind.Proposal, AskSide.National)]
    [InlineData(AskIterationKind.RevisedProposal, AskSide.National)]
    [InlineData(AskIterationKind.Feedback, AskSide.National)]
    [InlineData(AskIterationKind.AcceptedForDiscussion, AskSide.National)]
    [InlineData(AskIterationKind.Question, AskSide.System)]
    [InlineData(AskIterationKind.Agreed, null)]
    [InlineData(AskIterationKind.PartlyAgreed, null)]
    [InlineData(AskIterationKind.Declined, null)]
    public void AfterEachKindOfMove_TheClockWaitsOnTheRightSide(AskIterationKind last, AskSide? waitingOn)
    {
        var clock = AskClock.Read([(1, AskIterationKind.Proposal, D(2026, 3, 2)), (2, AskIterationKind.Question, D(2026, 3, 4)), (3, AskIterationKind.Feedback, D(2026, 3, 6)),
            (4, last, D(2026, 3, 9))], D(2026, 3, 16));

        Assert.Equal(waitingOn, clock.WaitingOn);
        // Accepting for discussion leaves the wait running from the system's reply before it.
        Assert.Equal(waitingOn is null ? null : last == AskIterationKind.AcceptedForDiscussion ? D(2026, 3, 6) : D(2026, 3, 9), clock.Since);
        Assert.Equal(waitingOn is null ? 0 : last == AskIterationKind.AcceptedForDiscussion ? 6 : 5, clock.DaysWaiting);
    }

    [Fact]
    public void NoIterations_WaitOnNoOne()
    {
        var clock = AskClock.Read([], D(2026, 3, 16));

        Assert.Null(clock.WaitingOn);
        Assert.Equal((0, 0, 0), (clock.DaysWaiting, clock.SystemDays, clock.NationalDays));
        Assert.Null(clock.MedianDaysPerIteration);
    }

    [Fact]
    public void DaysHeld_AreCountedForTheSideWhoseMoveItWas_AndTheMedianIsOfTheGapsBetweenIterations()
    {
        // The body held it 5 days, the system 5 (a bank holiday week is not involved), then the body 2 before deciding.
        var clock = AskClock.Read([
            (3, AskIterationKind.Feedback, D(2026, 1, 19)), // given out of order: the clock orders by number
            (1, AskIterationKind.Proposal, D(2026, 1, 5)),
            (2, AskIterationKind.Question, D(2026, 1, 12)),
            (4, AskIterationKind.Agreed, D(2026, 1, 21)),
        ], D(2026, 2, 27));

        Assert.Null(clock.WaitingOn);
        Assert.Null(clock.Since);
        Assert.Equal(0, clock.DaysWaiting);
        Assert.Equal(5, clock.SystemDays);
        Assert.Equal(7, clock.NationalDays);
        Assert.Equal(5, clock.MedianDaysPerIteration);
        Assert.Equal(Lateness.OnTime, clock.Lateness);
    }

    [Fact]
    public void TheMedianOfAnEvenNumberOfGaps_IsTheMeanOfTheMiddleTwo()
    {
        var clock = AskClock.Read([(1, AskIterationKind.Proposal, D(2026, 3, 2)), (2, AskIterationKind.Question, D(2026, 3, 5)), (3, AskIterationKind.Feedback, D(2026, 3, 6))],
            D(2026, 3, 6));

        Assert.Equal(2, clock.MedianDaysPerIteration);
        Assert.Equal(AskSide.National, clock.WaitingOn);
        Assert.Equal(3, clock.NationalDays);
        Assert.Equal(1, clock.SystemDays);
    }

    [Fact]
    public void AcceptingForDiscussion_DoesNotRestartTheBodysWait()
    {
        var accepted = AskClock.Read([(1, AskIterationKind.Proposal, D(2026, 3, 2)), (2, AskIterationKind.AcceptedForDiscussion, D(2026, 3, 9))], D(2026, 3, 16));
        var answered = AskClock.Read([(1, AskIterationKind.Proposal, D(2026, 3, 2)), (2, AskIterationKind.Question, D(2026, 3, 4)), (3, AskIterationKind.Feedback, D(2026, 3, 9))],
            D(2026, 3, 16));

        Assert.Equal(AskSide.National, accepted.WaitingOn);
        Assert.Equal(D(2026, 3, 2), accepted.Since);
        Assert.Equal(10, accepted.DaysWaiting);
        Assert.Equal(10, accepted.NationalDays);
        // A reply from the system starts the body's wait again.
        Assert.Equal(D(2026, 3, 9), answered.Since);
        Assert.Equal(5, answered.DaysWaiting);
    }

    [Theory]
    [InlineData(20, Lateness.OnTime)]
    [InlineData(21, Lateness.Overdue)]
    [InlineData(40, Lateness.Overdue)]
    [InlineData(41, Lateness.VeryOverdue)]
    public void TheBody_IsOverdueAfterItsDueDays_AndVeryOverdueAfterTwiceThat(int days, Lateness expected)
    {
        var submitted = D(2026, 6, 1);
        var today = AfterWorkingDays(submitted, days);

        var clock = AskClock.Read([(1, AskIterationKind.Proposal, submitted)], today, dueWorkingDays: 20);

        Assert.Equal(days, clock.DaysWaiting);
        Assert.Equal(expected, clock.Lateness);
        Assert.Equal(20, clock.DueWorkingDays);
    }

    [Fact]
    public void TheSystem_IsNeverOverdue_HoweverLongItHoldsTheAsk()
    {
        var clock = AskClock.Read([(1, AskIterationKind.Proposal, D(2026, 1, 5)), (2, AskIterationKind.Question, D(2026, 1, 6))], D(2026, 12, 1), dueWorkingDays: 5);

        Assert.Equal(AskSide.System, clock.WaitingOn);
        Assert.True(clock.DaysWaiting > 10);
        Assert.Equal(Lateness.OnTime, clock.Lateness);
    }

    [Fact]
    public void Lateness_ReadsAsWords()
    {
        Assert.Equal("On time", Lateness.OnTime.InWords());
        Assert.Equal("Overdue", Lateness.Overdue.InWords());
        Assert.Equal("Very overdue", Lateness.VeryOverdue.InWords());
    }

    private static DateOnly AfterWorkingDays(DateOnly from, int days)
    {
        var day = from;
        while (days > 0)
        {
            day = day.AddDays(1);
            if (WorkingDays.IsWorkingDay(day))
            {
                days--;
            }
        }
        return day;
    }
}
