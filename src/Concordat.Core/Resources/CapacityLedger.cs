namespace Concordat.Core.Resources;

/// <summary>
/// How much of a resource is committed at its busiest: the largest total of commitments that run on the same day
/// within a window. Two commitments of 40 m² in January and in March never add up; two that overlap in February do.
/// </summary>
public static class CapacityLedger
{
    /// <summary>The peak committed quantity on any day from <paramref name="from"/> to <paramref name="to"/> (inclusive).</summary>
    public static double Peak(IEnumerable<(double Quantity, DateOnly StartsOn, DateOnly EndsOn)> commitments, DateOnly from, DateOnly to)
    {
        var changes = Changes(commitments, from, to);
        double running = 0, peak = 0;
        // Ends before starts on the same day, so back-to-back commitments do not count as overlapping.
        foreach (var (_, delta) in changes.OrderBy(c => c.Day).ThenBy(c => c.Delta))
        {
            running += delta;
            peak = Math.Max(peak, running);
        }
        return peak;
    }

    /// <summary>
    /// The smallest total committed on any day from <paramref name="from"/> to <paramref name="to"/> (inclusive): what
    /// is there every day of the window. A need met for one month of a year is not met.
    /// </summary>
    public static double Lowest(IEnumerable<(double Quantity, DateOnly StartsOn, DateOnly EndsOn)> commitments, DateOnly from, DateOnly to)
    {
        var changes = Changes(commitments, from, to);
        // Walk the days on which the total changes; the total before the first change (from the window's first day) counts too.
        double running = 0, lowest = double.MaxValue;
        var day = from;
        foreach (var group in changes.GroupBy(c => c.Day).OrderBy(g => g.Key))
        {
            if (group.Key > day)
            {
                lowest = Math.Min(lowest, running);
            }
            running += group.Sum(c => c.Delta);
            day = group.Key;
        }
        return Math.Max(0, Math.Min(lowest, running));
    }

    /// <summary>The days within the window on which the total changes: +quantity when a commitment starts, -quantity the day after it ends.</summary>
    private static List<(DateOnly Day, double Delta)> Changes(IEnumerable<(double Quantity, DateOnly StartsOn, DateOnly EndsOn)> commitments, DateOnly from, DateOnly to)
    {
        var changes = new List<(DateOnly Day, double Delta)>();
        foreach (var (quantity, starts, ends) in commitments)
        {
            if (starts > to || ends < from)
            {
                continue;
            }
            changes.Add((starts < from ? from : starts, quantity));
            if (ends < to)
            {
                changes.Add((ends.AddDays(1), -quantity));
            }
        }
        return changes;
    }
}
