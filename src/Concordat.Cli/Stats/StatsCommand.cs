using System.CommandLine;

namespace Concordat.Cli.Stats;

/// <summary><c>concordat stats</c>: public-health indicator statistics as Fingertips computes them (docs/public-health-statistics.md).</summary>
internal static class StatsCommand
{
    public static Command Create() => Create(() => Console.In);

    /// <param name="standardInput">Where <c>stats batch</c> reads its JSON; a parameter so tests can supply it.</param>
    internal static Command Create(Func<TextReader> standardInput)
    {
        var batch = new Command(
            "batch",
            "Compute the cases given as a JSON array on standard input (each with id, method, confidence and the " +
            "method's fields) and write one JSON array of results, in the same order. Methods: proportion, rate, mean, " +
            "dsr, isr, smr, life_expectancy, sii. A case with bad values gives {\"id\", \"error\": true, \"message\"}; " +
            "input that is not a JSON array exits with status 2.");
        batch.SetAction(parseResult => StatsBatchCommand.Run(
            standardInput(),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return new Command("stats", "Public-health indicator statistics (PHEindicatormethods).") { batch };
    }
}
