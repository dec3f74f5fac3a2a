using System.CommandLine;

namespace Concordat.Cli.Spc;

internal static class SpcCommand
{
    public static Command Create() => new("spc", "Statistical process control (Making Data Count).");
}
