using System.Diagnostics;

namespace Concordat.Cli.Tests.Commands;

public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Runs the real <c>concordat</c> program as a process, in a folder and database of the test's own.</summary>
public sealed class Cli : IDisposable
{
    private readonly Dictionary<string, string> _environment = [];

    public Cli()
    {
        WorkingDirectory = Directory.CreateTempSubdirectory("concordat-cli-").FullName;
        DatabaseFile = Path.Combine(WorkingDirectory, "data", "concordat.db");
        _environment["ConnectionStrings__Concordat"] = $"Data Source={DatabaseFile}";
        _environment["Database__Provider"] = "Sqlite";
    }

    public string WorkingDirectory { get; }
    public string DatabaseFile { get; }
    public string SqliteConnectionString => $"Data Source={DatabaseFile};Pooling=False";

    public Cli WithEnvironment(string name, string value)
    {
        _environment[name] = value;
        return this;
    }

    public async Task<CliResult> RunWithInputAsync(string? standardInput, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "concordat.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
        }
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }

    public Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
