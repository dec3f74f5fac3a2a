using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Concordat.Spc.Bench;

/// <summary>
/// XmR analysis against a plain pass that only sums the same values, on the same data in the same run:
/// (a) every A&amp;E series, three measures each (1,284 analyses, 38,295 points);
/// (b) 100,000 synthetic series of 60 points (6,000,000 points).
/// The ratio column is each analysis against its category's sum (the baseline).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SpcBenchmarks
{
    private (double[] Values, SpcOptions Options)[] ae = [];
    private double[][] synthetic = [];

    [GlobalSetup]
    public void Setup()
    {
        ae = BenchData.AeAttendances();
        synthetic = BenchData.Synthetic();
        if (ae.Sum(s => s.Values.Length) != 38_295)
        {
            throw new InvalidOperationException("ae_attendances.csv is not the expected 38,295 points (12,765 rows × 3 measures).");
        }
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("a: A&E attendances")]
    public double AeSum()
    {
        var total = 0.0;
        foreach (var (values, _) in ae)
        {
            foreach (var value in values)
            {
                total += value;
            }
        }

        return total;
    }

    [Benchmark]
    [BenchmarkCategory("a: A&E attendances")]
    public int AeAnalyse()
    {
        // Fold the icons into the result so the analyses cannot be optimised away.
        var icons = 0;
        foreach (var (values, options) in ae)
        {
            icons += (int)XmrAnalysis.Analyse(values, options).VariationIcon;
        }

        return icons;
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("b: 100,000 × 60 synthetic")]
    public double SyntheticSum()
    {
        var total = 0.0;
        foreach (var values in synthetic)
        {
            foreach (var value in values)
            {
                total += value;
            }
        }

        return total;
    }

    [Benchmark]
    [BenchmarkCategory("b: 100,000 × 60 synthetic")]
    public int SyntheticAnalyse()
    {
        var icons = 0;
        foreach (var values in synthetic)
        {
            icons += (int)XmrAnalysis.Analyse(values, SpcOptions.Default).VariationIcon;
        }

        return icons;
    }
}
