using System.Text.Json;
using Xunit;

namespace Concordat.Cli.Tests.Spc;

/// <summary><c>concordat spc analyse</c>: the batch interface of docs/spc-method.md.</summary>
public sealed class SpcAnalyseCommandTests
{
    [Fact]
    public void Analyse_OneCase_WritesOneResultWithTheSpecFields()
    {
        var (exitCode, output, error) = CliRunner.Run("""{"values": [1, 2, 3, null, 5, 4, 3, 2, 1, 2, 3, 4, 5], "target": 3.5}""", "spc", "analyse");

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        using var json = JsonDocument.Parse(output);
        var result = json.RootElement;
        Assert.Equal(["points", "segments", "variation_icon", "assurance_icon", "warnings"], Names(result));
        Assert.Equal(
            ["index", "value", "segment", "mean", "lpl", "upl", "special_cause", "point_type", "rule", "signal"],
            Names(result.GetProperty("points")[0]));
        Assert.Equal(
            ["segment", "start", "end", "n_points", "mean", "mean_moving_range", "lpl", "upl", "lower_2sigma", "upper_2sigma", "short_group_warning"],
            Names(result.GetProperty("segments")[0]));
        Assert.Equal(13, result.GetProperty("points").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("points")[3].GetProperty("value").ValueKind);
        Assert.Equal("common_cause", result.GetProperty("variation_icon").GetString());
        Assert.Equal("inconsistent", result.GetProperty("assurance_icon").GetString());
    }

    [Fact]
    public void Analyse_Array_WritesAnArrayOfResultsInOrder()
    {
        var (exitCode, output, _) = CliRunner.Run("""[{"values": [1]}, {"values": [1, 2, 3]}, {"values": [5, 5]}]""", "spc", "analyse");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.Equal([1, 3, 2], json.RootElement.EnumerateArray().Select(r => r.GetProperty("points").GetArrayLength()));
    }

    [Fact]
    public void Analyse_EmptyArray_WritesEmptyArray()
    {
        var (exitCode, output, _) = CliRunner.Run("[]", "spc", "analyse");

        Assert.Equal(0, exitCode);
        Assert.Equal("[]", output.Trim());
    }

    [Fact]
    public void Analyse_UndefinedLimits_AreNull()
    {
        var (_, output, _) = CliRunner.Run("""{"values": [5, 5, 5]}""", "spc", "analyse");

        using var json = JsonDocument.Parse(output);
        var segment = json.RootElement.GetProperty("segments")[0];
        Assert.Equal(5, segment.GetProperty("mean").GetDouble());
        Assert.Equal(JsonValueKind.Null, segment.GetProperty("lpl").ValueKind);
        Assert.Equal(JsonValueKind.Null, segment.GetProperty("mean_moving_range").ValueKind);
        Assert.True(segment.GetProperty("short_group_warning").GetBoolean());
        Assert.Single(json.RootElement.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public void Analyse_AllOptions_AreApplied()
    {
        var input = """
            {"values": [1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 9, 9, 9], "improvement": "decrease", "target": 20,
             "rebase": [0], "screen_outliers": false, "fix_after_n_points": 12, "two_in_three_rule": "mdc2023"}
            """;

        var (exitCode, output, _) = CliRunner.Run(input, "spc", "analyse");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var last = json.RootElement.GetProperty("points")[14];
        Assert.Equal(2, last.GetProperty("mean").GetDouble());
        Assert.Equal("outside_limits", last.GetProperty("rule").GetString());
        Assert.Equal("special_cause_concern", last.GetProperty("point_type").GetString());
        Assert.Equal("concern_high", json.RootElement.GetProperty("variation_icon").GetString());
        Assert.Equal("consistent_pass", json.RootElement.GetProperty("assurance_icon").GetString());
    }

    [Theory]
    [InlineData("", "no input")]
    [InlineData("{\"values\": [1, 2", "not valid JSON")]
    [InlineData("42", "expected a case object or an array of them, got the number 42")]
    [InlineData("{}", "\"values\" is required")]
    [InlineData("{\"values\": []}", "\"values\" is empty")]
    [InlineData("{\"values\": [1, \"2\"]}", "values[1] must be a number or null, got the string \"2\"")]
    [InlineData("{\"values\": [1e999]}", "values[0] is too large")]
    [InlineData("{\"values\": [1], \"improvment\": \"decrease\"}", "unknown field \"improvment\"")]
    [InlineData("{\"values\": [1], \"values\": [2]}", "field \"values\" is given twice")]
    [InlineData("{\"values\": [1], \"improvement\": \"up\"}", "\"improvement\" must be one of \"increase\", \"decrease\", \"neither\"")]
    [InlineData("{\"values\": [1], \"target\": \"95%\"}", "\"target\" must be a finite number or null")]
    [InlineData("{\"values\": [1], \"rebase\": [0.5]}", "rebase[0] must be an integer index")]
    [InlineData("{\"values\": [1, 2], \"rebase\": [2]}", "Rebase index 2 is past the last point (1)")]
    [InlineData("{\"values\": [1, 2], \"rebase\": [1, 1]}", "Rebase index 1 is given twice")]
    [InlineData("{\"values\": [1], \"screen_outliers\": \"no\"}", "\"screen_outliers\" must be true or false")]
    [InlineData("{\"values\": [1], \"fix_after_n_points\": 5}", "\"fix_after_n_points\" must be at least 12, got 5")]
    [InlineData("{\"values\": [1], \"two_in_three_rule\": \"mdc\"}", "\"two_in_three_rule\" must be one of \"ptd\", \"mdc2023\"")]
    [InlineData("[{\"values\": [1]}, {\"values\": null}]", "case 1: \"values\" must be an array")]
    public void Analyse_BadInput_ExitsTwoWithAClearMessage(string input, string message)
    {
        var (exitCode, output, error) = CliRunner.Run(input, "spc", "analyse");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.StartsWith("concordat spc analyse: ", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyse_ReferenceCases_AgreeWithPlotTheDots()
    {
        // The batch interface end to end: every case of data/reference/spc/cases.json with reference output.
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot(), "data", "reference", "spc", "cases.json")));
        var cases = file.RootElement.GetProperty("cases").EnumerateArray()
            .Where(c => c.GetProperty("expected").GetProperty("error").ValueKind == JsonValueKind.Null)
            .ToArray();
        var input = "[" + string.Join(",", cases.Select(c => c.GetProperty("input").GetRawText())) + "]";

        var (exitCode, output, error) = CliRunner.Run(input, "spc", "analyse");

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        var results = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(128, results.Length);
        for (var i = 0; i < cases.Length; i++)
        {
            var expected = cases[i].GetProperty("expected");
            var actual = results[i];
            var id = cases[i].GetProperty("id").GetString();
            Assert.True(expected.GetProperty("variation_icon").GetString() == actual.GetProperty("variation_icon").GetString(), $"{id} variation_icon");
            Assert.True(expected.GetProperty("assurance_icon").ToString() == actual.GetProperty("assurance_icon").ToString(), $"{id} assurance_icon");
            foreach (var (e, a) in expected.GetProperty("points").EnumerateArray().Zip(actual.GetProperty("points").EnumerateArray()))
            {
                foreach (var field in new[] { "segment", "special_cause", "point_type", "rule", "signal" })
                {
                    Assert.True(e.GetProperty(field).ToString() == a.GetProperty(field).ToString(), $"{id} point {e.GetProperty("index")} {field}");
                }

                foreach (var field in new[] { "mean", "lpl", "upl" })
                {
                    AssertClose(e.GetProperty(field), a.GetProperty(field), $"{id} point {e.GetProperty("index")} {field}");
                }
            }
        }
    }

    private static void AssertClose(JsonElement expected, JsonElement actual, string what)
    {
        Assert.True(expected.ValueKind == actual.ValueKind, $"{what}: {expected} vs {actual}");
        if (expected.ValueKind == JsonValueKind.Number)
        {
            var (e, a) = (expected.GetDouble(), actual.GetDouble());
            Assert.True(Math.Abs(e - a) <= 1e-9 * Math.Max(Math.Abs(e), Math.Abs(a)), $"{what}: {e:R} vs {a:R}");
        }
    }

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}
