using System.Globalization;
using Concordat.Spc;

namespace Concordat.Spc.Bench;

/// <summary>The series the benchmarks analyse, built once before measuring.</summary>
internal static class BenchData
{
    public const int SyntheticSeriesCount = 100_000;
    public const int SyntheticSeriesLength = 60;

    /// <summary>
    /// Every series of ae_attendances.csv (org_code + type, ordered by period), three measures each as the
    /// reference cases do: four-hour performance (increase, target 95%), breaches (decrease), attendances (neither).
    /// </summary>
    public static (double[] Values, SpcOptions Options)[] AeAttendances()
    {
        var performance = new SpcOptions { Improvement = ImprovementDirection.Increase, Target = 0.95 };
        var breaches = new SpcOptions { Improvement = ImprovementDirection.Decrease };
        var attendances = new SpcOptions { Improvement = ImprovementDirection.Neither };
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "ae_attendances.csv");
        return [.. File.ReadLines(path).Skip(1)
            .Select(line => line.Split(',').Select(f => f.Trim('"')).ToArray())
            .GroupBy(f => (Org: f[1], Type: f[2]))
            .OrderBy(g => g.Key.Org, StringComparer.Ordinal).ThenBy(g => g.Key.Type, StringComparer.Ordinal)
            .SelectMany(g =>
            {
                var rows = g.OrderBy(f => f[0], StringComparer.Ordinal)
                    .Select(f => (Attendances: double.Parse(f[3], CultureInfo.InvariantCulture), Breaches: double.Parse(f[4], CultureInfo.InvariantCulture)))
                    .ToArray();
                return new[]
                {
                    (rows.Select(r => 1 - (r.Breaches / r.Attendances)).ToArray(), performance),
                    (rows.Select(r => r.Breaches).ToArray(), breaches),
                    (rows.Select(r => r.Attendances).ToArray(), attendances),
                };
            })];
    }

    /// <summary>
    /// Synthetic monthly-style series: noise around a level, with a step change in a third of them and a drift in
    /// another third, so that every rule fires somewhere. Fixed seed: the same data every run.
    /// </summary>
    public static double[][] Synthetic()
    {
        var random = new Random(20241125);
        var series = new double[SyntheticSeriesCount][];
        for (var s = 0; s < series.Length; s++)
        {
            var level = 50 + (random.NextDouble() * 100);
            var kind = s % 3;
            var values = new double[SyntheticSeriesLength];
            for (var i = 0; i < values.Length; i++)
            {
                // Sum of three uniforms: a cheap, roughly normal noise.
                var noise = random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5;
                var change = kind switch
                {
                    1 when i >= 40 => 3,
                    2 => i * 0.05,
                    _ => 0,
                };
                values[i] = Math.Round(level + (noise * 4) + change, 2);
            }

            series[s] = values;
        }

        return series;
    }
}
