using System.CommandLine;
using Concordat.Spc;

namespace Concordat.Cli.Spc;

/// <summary><c>concordat spc</c>: statistical process control as Making Data Count does it (docs/spc-method.md).</summary>
internal static class SpcCommand
{
    public static Command Create() => Create(() => Console.In);

    /// <param name="standardInput">Where <c>spc analyse</c> reads its JSON; a parameter so tests can supply it.</param>
    internal static Command Create(Func<TextReader> standardInput) => new("spc", "Statistical process control (Making Data Count).")
    {
        CreateAnalyse(standardInput),
        CreateChart(),
    };

    private static Command CreateAnalyse(Func<TextReader> standardInput)
    {
        var command = new Command(
            "analyse",
            "Analyse series given as JSON on standard input (one case object or an array) and write the results as JSON " +
            "on standard output. Fields: values, improvement, target, rebase, screen_outliers, fix_after_n_points, " +
            "two_in_three_rule. Exit status 2 on bad input.");
        command.SetAction(parseResult => SpcAnalyseCommand.Run(
            standardInput(),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static Command CreateChart()
    {
        var input = new Option<FileInfo>("--input") { Description = "CSV of period,value rows (header optional; an empty value is missing).", Required = true };
        var output = new Option<FileInfo>("--output") { Description = "Where to write the SVG chart.", Required = true };
        var improvement = new Option<string>("--improvement")
        {
            Description = "Which way is better.",
            DefaultValueFactory = _ => "increase",
        };
        improvement.AcceptOnlyFromAmong("increase", "decrease", "neither");
        var target = new Option<double?>("--target") { Description = "Target, for the assurance icon and the target line." };
        var rebase = new Option<string[]>("--rebase")
        {
            Description = "Period(s) that start a new segment (recalculate the limits), e.g. 2018-04-01.",
            AllowMultipleArgumentsPerToken = true,
        };
        var noScreening = new Option<bool>("--no-screen-outliers") { Description = "Do not screen moving ranges for outliers (as the MDC Excel tools)." };
        var fixAfter = new Option<int?>("--fix-after-n-points") { Description = "Compute each segment's limits from its first n points (at least 12)." };
        var twoInThree = new Option<string>("--two-in-three-rule")
        {
            Description = "ptd (NHSRplotthedots, default) or mdc2023 (points beyond the limits count too).",
            DefaultValueFactory = _ => "ptd",
        };
        twoInThree.AcceptOnlyFromAmong("ptd", "mdc2023");
        var unit = new Option<string?>("--unit") { Description = "Unit of the values, shown on the value axis (e.g. %)." };
        var title = new Option<string?>("--title") { Description = "Chart title and measure name." };
        var sparkline = new Option<bool>("--sparkline") { Description = "Write a compact sparkline instead of the full chart." };

        var command = new Command("chart", "Draw an XmR chart (SVG) from a period,value CSV and print its summary.")
        {
            input, output, improvement, target, rebase, noScreening, fixAfter, twoInThree, unit, title, sparkline,
        };
        command.SetAction(parseResult =>
        {
            // AcceptOnlyFromAmong has already rejected anything else, so the fallbacks are never used.
            var direction = SpcNames.TryParseImprovementDirection(parseResult.GetValue(improvement), out var d) ? d : ImprovementDirection.Increase;
            var rule = SpcNames.TryParseTwoInThreeRule(parseResult.GetValue(twoInThree), out var r) ? r : TwoInThreeRule.PlotTheDots;
            var request = new SpcChartRequest
            {
                InputPath = parseResult.GetRequiredValue(input).FullName,
                OutputPath = parseResult.GetRequiredValue(output).FullName,
                Improvement = direction,
                Target = parseResult.GetValue(target),
                RebasePeriods = parseResult.GetValue(rebase) ?? [],
                ScreenOutliers = !parseResult.GetValue(noScreening),
                FixAfterNPoints = parseResult.GetValue(fixAfter),
                TwoInThreeRule = rule,
                Unit = parseResult.GetValue(unit),
                Title = parseResult.GetValue(title),
                Sparkline = parseResult.GetValue(sparkline),
            };
            return SpcChartCommand.Run(request, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);
        });
        return command;
    }
}
