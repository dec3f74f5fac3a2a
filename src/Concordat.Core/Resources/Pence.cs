using System.Globalization;
using Concordat.Core.Words;

namespace Concordat.Core.Resources;

/// <summary>
/// Money is held as whole pence in a <see cref="long"/>, so that sums are exact on every database; pounds exist
/// only where people read or type them.
/// </summary>
public static class Pence
{
    /// <summary>The largest amount accepted: £999,999,999,999.99, under a trillion pounds.</summary>
    public const long Max = 99_999_999_999_999;

    /// <summary>Pounds as a number, for spreadsheets: 1250000.50 for 125000050 pence.</summary>
    public static decimal InPounds(long pence) => pence / 100m;

    /// <summary>
    /// Reads pounds as people type them ("1250000.50", "£1,250,000.50"); false for anything else, for more than two
    /// decimal places, or for an amount beyond <see cref="Max"/>.
    /// </summary>
    public static bool TryParsePounds(string? text, out long pence)
    {
        pence = 0;
        var cleaned = text?.Trim().TrimStart('£').Replace(",", "", StringComparison.Ordinal);
        if (!decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var pounds)
            || decimal.Round(pounds, 2) != pounds || Math.Abs(pounds) > Max / 100m)
        {
            return false;
        }
        pence = (long)(pounds * 100);
        return true;
    }
}
