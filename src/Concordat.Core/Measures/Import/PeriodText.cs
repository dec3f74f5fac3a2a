using System.Globalization;
using System.Text.RegularExpressions;

namespace Concordat.Core.Measures.Import;

/// <summary>
/// Reads the ways files name a period, giving the date the period starts: ISO dates (2024-04-01), months (2024-04,
/// Apr 2024, April 2024), UK dates (01/04/2024), and Fingertips' time periods: calendar years (2019), financial years
/// (2019/20 starts 1 April 2019), quarters (2019/20 Q1 starts 1 April 2019; 2019 Q1 starts 1 January 2019) and pooled
/// years (2017 - 19 starts 1 January 2017).
/// </summary>
public static partial class PeriodText
{
    public const string Examples = "2024-04-01, 2024-04, Apr 2024, 2024, 2024/25 or 2024/25 Q1";

    public static bool TryParse(string? text, out DateOnly start)
    {
        start = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var value = text.Trim();
        var invariant = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(value, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], invariant, DateTimeStyles.None, out start))
        {
            return true;
        }
        if (DateOnly.TryParseExact(value, ["yyyy-MM", "MMM yyyy", "MMMM yyyy", "MMM-yy", "MMM yy"], invariant, DateTimeStyles.None, out start))
        {
            return true;
        }
        var match = FingertipsPeriod().Match(value);
        if (!match.Success)
        {
            return false;
        }
        var year = int.Parse(match.Groups["year"].Value, invariant);
        if (year is < 1900 or > 2999)
        {
            return false;
        }
        var financial = match.Groups["fy"].Success;
        if (financial && int.Parse(match.Groups["fy"].Value, invariant) != (year + 1) % 100)
        {
            return false;
        }
        var month = financial ? 4 : 1;
        if (match.Groups["quarter"].Success)
        {
            month += (int.Parse(match.Groups["quarter"].Value, invariant) - 1) * 3;
        }
        start = new DateOnly(year, 1, 1).AddMonths(month - 1);
        return true;
    }

    [GeneratedRegex(@"^(?<year>\d{4})(?:\s*/\s*(?<fy>\d{2})|\s*-\s*\d{2})?(?:\s+Q(?<quarter>[1-4]))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FingertipsPeriod();
}
