using Concordat.Core.Measures;
using Concordat.Core.Words;

namespace Concordat.Web.Pages.Measures;

public static class MeasureText
{
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
        ({ } c, { } d) => $"{Prose.Number(c)} of {Prose.Number(d)}",
        ({ } c, null) => Prose.Number(c),
        (null, { } d) => $"of {Prose.Number(d)}",
        _ => "",
    };

    public static string Interval(double? lower, double? upper, string unit) =>
        lower is { } l && upper is { } u ? $"{Prose.Amount(l, unit)} to {Prose.Amount(u, unit)}" : "";
}
