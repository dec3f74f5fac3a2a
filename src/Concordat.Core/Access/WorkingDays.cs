namespace Concordat.Core.Access;

/// <summary>
/// Working days as offices in England and Wales count them: Monday to Friday, less the bank holidays. The holidays
/// follow the Banking and Financial Dealings Act 1971 and the substitute days proclaimed each year, with the one-off
/// holidays and moved days since 1995 listed below, so deadlines are counted the way the people held to them count.
/// </summary>
public static class WorkingDays
{
    /// <summary>Holidays proclaimed once: royal and national occasions.</summary>
    private static readonly HashSet<DateOnly> OneOffs =
    [
        new(1999, 12, 31), // Millennium
        new(2002, 6, 3), // Golden Jubilee
        new(2011, 4, 29), // Royal wedding
        new(2012, 6, 5), // Diamond Jubilee
        new(2022, 6, 3), // Platinum Jubilee
        new(2022, 9, 19), // State funeral of Queen Elizabeth II
        new(2023, 5, 8), // Coronation of King Charles III
    ];

    /// <summary>The early May holiday moved to VE Day anniversaries.</summary>
    private static readonly Dictionary<int, DateOnly> EarlyMayMoved = new()
    {
        [1995] = new(1995, 5, 8),
        [2020] = new(2020, 5, 8),
    };

    /// <summary>The spring holiday moved to sit beside a jubilee.</summary>
    private static readonly Dictionary<int, DateOnly> SpringMoved = new()
    {
        [2002] = new(2002, 6, 4),
        [2012] = new(2012, 6, 4),
        [2022] = new(2022, 6, 2),
    };

    public static bool IsBankHoliday(DateOnly day) => BankHolidays(day.Year).Contains(day);

    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsBankHoliday(day);

    /// <summary>The working days after <paramref name="from"/> up to and including <paramref name="to"/>: a day held from Friday to Monday is one.</summary>
    public static int Between(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>The England and Wales bank holidays of one year, substitute days included.</summary>
    public static IReadOnlySet<DateOnly> BankHolidays(int year)
    {
        var easter = EasterSunday(year);
        var days = new HashSet<DateOnly>
        {
            NextWeekday(new DateOnly(year, 1, 1)),
            easter.AddDays(-2),
            easter.AddDays(1),
            EarlyMayMoved.TryGetValue(year, out var earlyMay) ? earlyMay : FirstMonday(year, 5),
            SpringMoved.TryGetValue(year, out var spring) ? spring : LastMonday(year, 5),
            LastMonday(year, 8),
        };
        // Christmas Day and Boxing Day each take the next weekday that is not already a holiday.
        var christmas = NextWeekday(new DateOnly(year, 12, 25));
        days.Add(christmas);
        var boxing = new DateOnly(year, 12, 26);
        while (boxing.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || boxing == christmas)
        {
            boxing = boxing.AddDays(1);
        }
        days.Add(boxing);
        days.UnionWith(OneOffs.Where(d => d.Year == year));
        return days;
    }

    private static DateOnly NextWeekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    private static DateOnly FirstMonday(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        return day.AddDays(((int)DayOfWeek.Monday - (int)day.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var day = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return day.AddDays(-(((int)day.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher").</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
