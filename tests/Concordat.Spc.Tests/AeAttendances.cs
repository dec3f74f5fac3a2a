using System.Globalization;

namespace Concordat.Spc.Tests;

/// <summary>
/// data/reference/ae_attendances.csv as series: one per org_code + type, ordered by period, each analysed three
/// ways as the reference cases do (four-hour performance up is better with the 95% standard as target, breaches
/// down is better, attendances neither).
/// </summary>
internal static class AeAttendances
{
    public static IReadOnlyList<AeSeries> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "ae_attendances.csv");
        return [.. File.ReadLines(path).Skip(1)
            .Select(line => line.Split(',').Select(field => field.Trim('"')).ToArray())
            .Select(f => (Org: f[1], Type: f[2], Period: DateOnly.ParseExact(f[0], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Attendances: double.Parse(f[3], CultureInfo.InvariantCulture), Breaches: double.Parse(f[4], CultureInfo.InvariantCulture)))
            .GroupBy(r => (r.Org, r.Type))
            .OrderBy(g => g.Key.Org, StringComparer.Ordinal).ThenBy(g => g.Key.Type, StringComparer.Ordinal)
            .Select(g =>
            {
                var rows = g.OrderBy(r => r.Period).ToArray();
                return new AeSeries(
                    $"{g.Key.Org} type {g.Key.Type}",
                    [.. rows.Select(r => r.Period)],
                    [.. rows.Select(r => 1 - (r.Breaches / r.Attendances))],
                    [.. rows.Select(r => r.Breaches)],
                    [.. rows.Select(r => r.Attendances)]);
            })];
    }
}

internal sealed record AeSeries(string Name, DateOnly[] Periods, double[] Performance, double[] Breaches, double[] Attendances)
{
    public IEnumerable<(string Measure, double[] Values, SpcOptions Options)> Measures()
    {
        yield return ("four-hour performance", Performance, new SpcOptions { Improvement = ImprovementDirection.Increase, Target = 0.95 });
        yield return ("breaches", Breaches, new SpcOptions { Improvement = ImprovementDirection.Decrease });
        yield return ("attendances", Attendances, new SpcOptions { Improvement = ImprovementDirection.Neither });
    }
}
