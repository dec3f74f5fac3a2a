using Concordat.Spc;

namespace Concordat.Cli.Spc;

/// <summary><c>concordat spc analyse</c>: the batch interface. JSON in on stdin, JSON out on stdout, exit 2 on bad input.</summary>
internal static class SpcAnalyseCommand
{
    public const int BadInput = 2;

    public static int Run(TextReader input, TextWriter output, TextWriter error)
    {
        try
        {
            var (cases, isArray) = SpcBatchJson.Read(input.ReadToEnd());
            var results = new XmrAnalysis[cases.Length];
            for (var i = 0; i < cases.Length; i++)
            {
                results[i] = Analyse(cases[i], isArray ? $"case {i}" : "the case");
            }

            output.WriteLine(SpcBatchJson.Write(results, isArray));
            return 0;
        }
        catch (SpcInputException e)
        {
            error.WriteLine($"concordat spc analyse: {e.Message}");
            return BadInput;
        }
    }

    private static XmrAnalysis Analyse(SpcBatchCase batchCase, string where)
    {
        try
        {
            return XmrAnalysis.Analyse(batchCase.Values, batchCase.Options);
        }
        catch (ArgumentException e)
        {
            // Options that depend on the values, such as a rebase index past the last point.
            throw new SpcInputException($"{where}: {SpcBatchJson.FirstSentence(e.Message)}");
        }
    }
}
