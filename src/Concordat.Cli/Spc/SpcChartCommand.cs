using Concordat.Core.Words;
using Concordat.Spc;
using Concordat.Spc.Charts;

namespace Concordat.Cli.Spc;

/// <summary>What <c>concordat spc chart</c> was asked to do.</summary>
internal sealed record SpcChartRequest
{
    public required string InputPath { get; init; }

    public required string OutputPath { get; init; }

    public ImprovementDirection Improvement { get; init; }

    public double? Target { get; init; }

    public IReadOnlyList<string> RebasePeriods { get; init; } = [];

    public bool ScreenOutliers { get; init; } = true;

    public int? FixAfterNPoints { get; init; }

    public TwoInThreeRule TwoInThreeRule { get; init; }

    public string? Unit { get; init; }

    public string? Title { get; init; }

    public bool Sparkline { get; init; }
}

/// <summary>
/// <c>concordat spc chart</c>: reads a period,value CSV, writes the XmR chart as SVG and prints the plain-English
/// summary. Bad input exits 2 with a message on standard error, as <c>spc analyse</c> does.
/// </summary>
internal static class SpcChartCommand
{
    public static int Run(SpcChartRequest request, TextWriter output, TextWriter error)
    {
        try
        {
            var series = ReadInput(request.InputPath);
            var options = new SpcOptions
            {
                Improvement = request.Improvement,
                Target = request.Target,
                RebaseIndices = [.. request.RebasePeriods.Select(p => RebaseIndex(series, p))],
                ScreenOutliers = request.ScreenOutliers,
                BaselinePointCount = request.FixAfterNPoints,
                TwoInThreeRule = request.TwoInThreeRule,
            };
            var analysis = XmrAnalysis.Analyse(series.Values, options);
            var labels = new SpcLabels { MeasureName = request.Title, Unit = request.Unit, PeriodLabels = series.Periods };
            var svg = request.Sparkline
                ? XmrChart.ToSparklineSvg(analysis, new XmrSparklineOptions { Labels = labels })
                : XmrChart.ToSvg(analysis, new XmrChartOptions { Labels = labels });

            File.WriteAllText(request.OutputPath, svg);
            output.WriteLine(XmrSummary.Describe(analysis, labels).Text);
            output.WriteLine($"Variation: {analysis.VariationIcon.ToName()}; assurance: {analysis.AssuranceIcon?.ToName() ?? "none"}.");
            output.WriteLine($"Wrote {request.OutputPath} ({Prose.Count(analysis.Count, "point")}, {Prose.Count(analysis.Segments.Length, "segment")}).");
            return 0;
        }
        catch (SpcInputException e)
        {
            return Fail(error, e.Message);
        }
        catch (ArgumentException e)
        {
            return Fail(error, SpcBatchJson.FirstSentence(e.Message));
        }
        catch (IOException e)
        {
            return Fail(error, e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            return Fail(error, e.Message);
        }
    }

    private static PeriodValueCsv ReadInput(string path)
    {
        if (!File.Exists(path))
        {
            throw new SpcInputException($"input file \"{path}\" does not exist.");
        }

        using var reader = new StreamReader(path);
        return PeriodValueCsv.Read(reader, Path.GetFileName(path));
    }

    private static int RebaseIndex(PeriodValueCsv series, string period)
    {
        var index = series.IndexOf(period);
        return index >= 0 ? index : throw new SpcInputException($"--rebase {period} is not a period of the input.");
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine($"concordat spc chart: {message}");
        return SpcAnalyseCommand.BadInput;
    }
}
