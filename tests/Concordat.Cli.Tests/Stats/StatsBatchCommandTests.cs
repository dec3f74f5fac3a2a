using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Concordat.Cli.Stats;
using Concordat.Cli.Tests.Spc;

namespace Concordat.Cli.Tests.Stats;

/// <summary><c>concordat stats batch</c>: the PHEindicatormethods oracle's interface (docs/public-health-statistics.md).</summary>
public sealed class StatsBatchCommandTests
{
    [Fact]
    public async Task The_oracle_checker_passes_every_sample_case()
    {
        var root = CliRunner.RepositoryRoot();
        var folder = Path.Combine(root, "data", "reference", "phe");
        var cases = Path.Combine(folder, "cases.json");
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(cases, TestContext.Current.CancellationToken));
        var count = document.RootElement.GetProperty("cases").GetArrayLength();

        // The checker runs the real program as a process, through the shell, with every case's input on stdin.
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(folder, "check_cases.py"));
        start.ArgumentList.Add("--cases");
        start.ArgumentList.Add(cases);
        start.ArgumentList.Add("--cmd");
        start.ArgumentList.Add($"dotnet '{Path.Combine(AppContext.BaseDirectory, "concordat.dll")}' stats batch");
        start.ArgumentList.Add("-v");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(process.ExitCode == 0, $"checker failed:\n{await output}\n{await error}");
        Assert.Equal($"{count} passed, 0 failed", lines[^1]);
    }

    [Fact]
    public void Each_result_carries_its_case_id_in_order_and_a_pair_of_levels_gets_suffixes()
    {
        var (exitCode, output, error) = Run("""
            [{"id": "b", "method": "rate", "confidence": [0.95, 0.998], "numerator": 4, "denominator": 1000, "multiplier": 1000},
             {"id": 7, "method": "proportion", "confidence": 0.95, "numerator": 1, "denominator": 2, "multiplier": 1}]
            """);

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        using var json = JsonDocument.Parse(output);
        var results = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(["id", "value", "lower_95", "upper_95", "lower_998", "upper_998"], results[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("b", results[0].GetProperty("id").GetString());
        Assert.Equal(["id", "value", "lower", "upper"], results[1].EnumerateObject().Select(p => p.Name));
        Assert.Equal(7, results[1].GetProperty("id").GetInt32());
    }

    [Fact]
    public void A_case_with_bad_values_gives_an_error_result_and_the_rest_still_run()
    {
        var (exitCode, output, _) = Run("""
            [{"id": "over", "method": "proportion", "confidence": 0.95, "numerator": 12, "denominator": 10, "multiplier": 100},
             {"id": "typo", "method": "rate", "confidence": 0.95, "numerator": 4, "denominator": 10, "multiplyer": 100},
             {"id": "ok", "method": "mean", "confidence": 0.95, "values": [1, 2, 3]}]
            """);

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var results = json.RootElement.EnumerateArray().ToArray();
        Assert.True(results[0].GetProperty("error").GetBoolean());
        Assert.Equal("case 0: numerators must be less than or equal to denominator for a proportion statistic.", results[0].GetProperty("message").GetString());
        Assert.Equal("case 1: \"multiplier\" is required.", results[1].GetProperty("message").GetString());
        Assert.Equal(2, results[2].GetProperty("value").GetDouble());
    }

    [Fact]
    public void A_missing_value_is_written_as_null()
    {
        var (_, output, _) = Run("""[{"id": "one", "method": "mean", "confidence": 0.95, "values": [12]}]""");

        using var json = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Null, json.RootElement[0].GetProperty("lower").ValueKind);
        Assert.Equal(12, json.RootElement[0].GetProperty("value").GetDouble());
    }

    [Fact]
    public void Malformed_json_exits_2_and_says_where()
    {
        var (exitCode, output, error) = Run("[{\"id\": \"a\",\n \"method\": }]");

        Assert.Equal(StatsBatchCommand.BadInput, exitCode);
        Assert.Empty(output);
        Assert.StartsWith("error: the input is not valid JSON at line 2, byte ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_that_is_not_an_array_exits_2()
    {
        var (exitCode, _, error) = Run("""{"id": "a", "method": "mean"}""");

        Assert.Equal(StatsBatchCommand.BadInput, exitCode);
        Assert.Equal("error: expected a JSON array of cases, got an object.", error.Trim());
    }

    private static (int ExitCode, string Output, string Error) Run(string standardInput)
    {
        var root = new RootCommand("test") { StatsCommand.Create(() => new StringReader(standardInput)) };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = root.Parse(["stats", "batch"]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
