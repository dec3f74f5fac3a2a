using System.Globalization;

namespace Concordat.Web.Pages.Measures;

public static class MeasureText
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Value(double value, string unit) =>
        unit == "%" ? value.ToString("0.0", English) + "%" : $"{value.ToString("#,##0.##", English)} {unit}";

    public static string Period(DateOnly start) => start.ToString("MMMM yyyy", English);
}
