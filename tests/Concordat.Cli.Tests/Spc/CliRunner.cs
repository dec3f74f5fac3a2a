using System.CommandLine;

namespace Concordat.Cli.Tests.Spc;

/// <summary>Runs <c>concordat spc …</c> in process, with standard input, output and error captured.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(string standardInput, params string[] args)
    {
        var root = new RootCommand("test") { Cli.Spc.SpcCommand.Create(() => new StringReader(standardInput)) };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The repository root, found by walking up from the test binaries to Concordat.slnx.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Concordat.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Concordat.slnx not found above " + AppContext.BaseDirectory);
    }
}
