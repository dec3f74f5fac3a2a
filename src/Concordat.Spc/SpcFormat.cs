using System.Globalization;

namespace Concordat.Spc;

/// <summary>Number formatting for people: invariant culture, so the same analysis always reads (and renders) the same.</summary>
public static class SpcFormat
{
    /// <summary>
    /// About four significant figures, never an exponent, thousands separated: 241.45 → "241.5",
    /// 0.951234 → "0.9512", 21289.4 → "21,289".
    /// </summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value))
        {
            return double.IsNaN(value) ? "–" : value.ToString(CultureInfo.InvariantCulture);
        }

        var magnitude = Math.Abs(value);
        var decimals = magnitude == 0 || magnitude >= 1000 ? 0 : Math.Clamp(3 - (int)Math.Floor(Math.Log10(magnitude)), 0, 6);
        var text = value.ToString("#,0." + new string('#', decimals), CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }
}
