using System.Xml.Linq;
using Xunit;

namespace Concordat.Cli.Tests.Spc;

/// <summary><c>concordat spc chart</c>: period,value CSV in, SVG out, summary printed.</summary>
public sealed class SpcChartCommandTests : IDisposable
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("concordat-spc-");

    public void Dispose() => directory.Delete(recursive: true);

    private string WriteCsv(string content)
    {
        var path = Path.Combine(directory.FullName, "data.csv");
        File.WriteAllText(path, content);
        return path;
    }

    private string OutputPath => Path.Combine(directory.FullName, "chart.svg");

    private static string MonthlyCsv(int months, Func<int, string> value) =>
        "period,value\n" + string.Concat(Enumerable.Range(0, months).Select(i => $"{new DateOnly(2017, 4, 1).AddMonths(i):yyyy-MM-dd},{value(i)}\n"));

    [Fact]
    public void Chart_WritesSvgAndPrintsTheSummary()
    {
        var input = WriteCsv(MonthlyCsv(24, i => i < 20 ? (i % 2 == 0 ? "94.1" : "95.3") : "99"));

        var (exitCode, output, error) = CliRunner.Run("", "spc", "chart", "--input", input, "--target", "95", "--unit", "%", "--title", "Four-hour performance", "--output", OutputPath);

        Assert.True(exitCode == 0, error);
        var svg = XDocument.Load(OutputPath);
        Assert.Equal("Four-hour performance", svg.Root!.Element(Svg + "title")!.Value);
        Assert.Equal(24, Points(svg).Count());
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "Apr 2017");
        Assert.StartsWith("Special cause improvement: the latest point (Mar 2019, 99%) is above the upper process limit", output, StringComparison.Ordinal);
        Assert.Contains("Variation: improvement_high; assurance: inconsistent.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_RebaseByPeriod_SplitsTheSegments()
    {
        var input = WriteCsv(MonthlyCsv(30, i => (i % 3).ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var (exitCode, output, _) = CliRunner.Run("", "spc", "chart", "--input", input, "--rebase", "2018-04-01", "2018-10-01", "--output", OutputPath);

        Assert.Equal(0, exitCode);
        Assert.Contains("(30 points, 3 segments)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_NoHeader_MissingValues_AndUnsortedDates()
    {
        var input = WriteCsv("2018-06-01,3\n2018-04-01,1\n2018-05-01,\n");

        var (exitCode, output, _) = CliRunner.Run("", "spc", "chart", "--input", input, "--output", OutputPath);

        Assert.Equal(0, exitCode);
        Assert.Equal(2, Points(XDocument.Load(OutputPath)).Count());
        Assert.Contains("(Jun 2018, 3)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_Sparkline_WritesASmallSvg()
    {
        var input = WriteCsv(MonthlyCsv(24, i => (i * 1.5).ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var (exitCode, _, _) = CliRunner.Run("", "spc", "chart", "--input", input, "--sparkline", "--output", OutputPath);

        Assert.Equal(0, exitCode);
        Assert.Equal("120", (string?)XDocument.Load(OutputPath).Root!.Attribute("width"));
    }

    [Theory]
    [InlineData("period,value\n2018-04-01,1\n2018-04-01,2\n", "period \"2018-04-01\" appears twice")]
    [InlineData("period,value\n2018-04-01,1\n2018-05-01,lots\n", "line 3: value \"lots\" is not a number")]
    [InlineData("period,value\n2018-04-01,1,2\n", "line 2: expected 2 fields")]
    [InlineData("period,value\n", "has no rows")]
    public void Chart_BadCsv_ExitsTwo(string csv, string message)
    {
        var input = WriteCsv(csv);

        var (exitCode, _, error) = CliRunner.Run("", "spc", "chart", "--input", input, "--output", OutputPath);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(File.Exists(OutputPath));
    }

    [Fact]
    public void Chart_UnknownRebasePeriod_ExitsTwo()
    {
        var input = WriteCsv(MonthlyCsv(12, _ => "1"));

        var (exitCode, _, error) = CliRunner.Run("", "spc", "chart", "--input", input, "--rebase", "2018-04-15", "--output", OutputPath);

        Assert.Equal(2, exitCode);
        Assert.Contains("--rebase 2018-04-15 is not a period of the input", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_MissingInputFile_ExitsTwo()
    {
        var (exitCode, _, error) = CliRunner.Run("", "spc", "chart", "--input", Path.Combine(directory.FullName, "none.csv"), "--output", OutputPath);

        Assert.Equal(2, exitCode);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    /// <summary>The chart's dots, one per value (the key below the chart has dots of its own).</summary>
    private static IEnumerable<XElement> Points(XDocument svg) =>
        svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "spc-points").Elements(Svg + "circle");
}
