using System.Globalization;
using System.Text.RegularExpressions;

namespace Concordat.Core.Resources;

/// <summary>
/// A UK financial year as the NHS and local government write it: "2026/27" runs from 1 April 2026 to 31 March 2027,
/// so the second part is always the year after the first.
/// </summary>
public static partial class FinancialYear
{
    public const string Problem = "Enter the financial year, like 2026/27";

    public static bool IsValid(string? text) =>
        text is not null && Pattern().Match(text) is { Success: true } match
        && (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) + 1) % 100 == int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d{4})/(\d{2})$")]
    private static partial Regex Pattern();
}
