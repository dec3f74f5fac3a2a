using Concordat.Core.Access;

namespace Concordat.Core.Asks;

public enum Lateness
{
    OnTime,
    Overdue,
    VeryOverdue,
}

/// <summary>
/// Whose move an ask is, since when, and how long each side has held it, in England and Wales working days, so
/// "rapid" is measured, not claimed. An ask held by the body addressed beyond its due days is overdue, and very
/// overdue at twice that.
/// </summary>
public sealed record AskClock(AskSide? WaitingOn, DateOnly? Since, int DaysWaiting, int SystemDays, int NationalDays, double? MedianDaysPerIteration,
    Lateness Lateness, int DueWorkingDays)
{
    /// <summary>Working days a national body has to answer before an ask is overdue, unless the deployment sets otherwise.</summary>
    public const int DefaultDueWorkingDays = 20;

    /// <summary>Reads the clock from the iterations (in any order) on <paramref name="today"/>, a UK calendar day.</summary>
    public static AskClock Read(IEnumerable<(int Number, AskIterationKind Kind, DateOnly On)> iterations, DateOnly today, int dueWorkingDays = DefaultDueWorkingDays)
    {
        var moves = iterations.OrderBy(i => i.Number).ToList();
        if (moves.Count == 0)
        {
            return new AskClock(null, null, 0, 0, 0, null, Lateness.OnTime, dueWorkingDays);
        }
        var held = new Dictionary<AskSide, int> { [AskSide.System] = 0, [AskSide.National] = 0 };
        var gaps = new List<int>();
        for (var i = 0; i < moves.Count; i++)
        {
            var next = moves[i].Kind.NextMove();
            var until = i + 1 < moves.Count ? moves[i + 1].On : today;
            var days = WorkingDays.Between(moves[i].On, until);
            if (i + 1 < moves.Count)
            {
                gaps.Add(days);
            }
            if (next is { } side)
            {
                held[side] += days;
            }
        }
        var last = moves[^1];
        var waitingOn = last.Kind.NextMove();
        var since = waitingOn is null ? (DateOnly?)null : WaitingSince(moves, waitingOn.Value);
        var waiting = since is { } from ? WorkingDays.Between(from, today) : 0;
        var lateness = waitingOn != AskSide.National ? Lateness.OnTime
            : waiting > 2 * dueWorkingDays ? Lateness.VeryOverdue
            : waiting > dueWorkingDays ? Lateness.Overdue
            : Lateness.OnTime;
        return new AskClock(waitingOn, since, waiting, held[AskSide.System], held[AskSide.National], Median(gaps), lateness, dueWorkingDays);
    }

    /// <summary>
    /// The day the side began to hold the ask: accepting an ask for discussion does not restart the body's clock, so
    /// the wait runs from the system's last move.
    /// </summary>
    private static DateOnly WaitingSince(List<(int Number, AskIterationKind Kind, DateOnly On)> moves, AskSide side)
    {
        var since = moves[^1].On;
        for (var i = moves.Count - 1; i >= 0 && moves[i].Kind.NextMove() == side; i--)
        {
            since = moves[i].On;
            if (moves[i].Kind.Side() != side)
            {
                break;
            }
        }
        return since;
    }

    private static double? Median(List<int> values)
    {
        if (values.Count == 0)
        {
            return null;
        }
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
    }
}

public static class LatenessWords
{
    public static string InWords(this Lateness lateness) => lateness switch
    {
        Lateness.OnTime => "On time",
        Lateness.Overdue => "Overdue",
        Lateness.VeryOverdue => "Very overdue",
        _ => throw new ArgumentOutOfRangeException(nameof(lateness), lateness, null),
    };
}
