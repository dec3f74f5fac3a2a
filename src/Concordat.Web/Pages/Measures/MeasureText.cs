using System.Globalization;
using Concordat.Core.Measures;

namespace Concordat.Web.Pages.Measures;

public static class MeasureText
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Value(double value, string unit) =>
        unit == "%" ? value.ToString("0.0", English) + "%" : $"{value.ToString("#,##0.##", English)} {unit}";

    public static string Period(DateOnly start) => start.ToString("MMMM yyyy", English);

    public static string Format(MeasureFormat format) => format switch
    {
        MeasureFormat.Percentage => "a percentage",
        MeasureFormat.Rate => "a rate",
        MeasureFormat.Count => "a count",
        MeasureFormat.Days => "days",
        _ => "a number",
    };

    public static string Source(Measure m) => m.SourceKind switch
    {
        MeasureSourceKind.Fingertips => $"OHID Fingertips indicator {m.Source}",
        MeasureSourceKind.NhsEngland => "NHS England" + (m.Source is null ? "" : ": " + m.Source),
        _ => m.Source is null ? "Local data" : "Local: " + m.Source,
    };

    public static string CountOf(double? count, double? denominator) => (count, denominator) switch
    {
        ({ } c, { } d) => $"{c.ToString("#,##0.##", English)} of {d.ToString("#,##0.##", English)}",
        ({ } c, null) => c.ToString("#,##0.##", English),
        (null, { } d) => $"of {d.ToString("#,##0.##", English)}",
        _ => "",
    };

    public static string Interval(double? lower, double? upper, string unit) =>
        lower is { } l && upper is { } u ? $"{Value(l, unit)} to {Value(u, unit)}" : "";
}
