namespace Concordat.Spc.Tests;

/// <summary>Short-hands for building series and reading results in rule tests.</summary>
internal static class Series
{
    public static XmrAnalysis Analyse(params double?[] values) => XmrAnalysis.Analyse(values, SpcOptions.Default);

    public static XmrAnalysis Analyse(SpcOptions options, params double?[] values) => XmrAnalysis.Analyse(values, options);

    /// <summary>Values alternating ±amplitude around <paramref name="centre"/>: mean = centre, every moving range 2 × amplitude, no rule fires.</summary>
    public static double?[] Alternating(int count, double centre = 0, double amplitude = 1) =>
        [.. Enumerable.Range(0, count).Select(i => (double?)(centre + (i % 2 == 0 ? amplitude : -amplitude)))];

    public static double?[] Concat(params double?[][] parts) => [.. parts.SelectMany(p => p)];

    public static SpecialCauseRule?[] Rules(this XmrAnalysis analysis) => [.. analysis.Points.Select(p => p.Rule)];

    public static SignalDirection?[] Signals(this XmrAnalysis analysis) => [.. analysis.Points.Select(p => p.Signal)];

    public static PointType[] Types(this XmrAnalysis analysis) => [.. analysis.Points.Select(p => p.PointType)];

    /// <summary>Indices of the points a rule flags.</summary>
    public static int[] Flagged(this XmrAnalysis analysis, SpecialCauseRule rule) =>
        [.. analysis.Points.Where(p => p.Rule == rule).Select(p => p.Index)];

    public static int[] Range(int start, int count) => [.. Enumerable.Range(start, count)];
}
