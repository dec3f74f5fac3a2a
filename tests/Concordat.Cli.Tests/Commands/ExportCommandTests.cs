using System.Globalization;
using Concordat.Core.Measures;
using Concordat.Core.Measures.Import;
using Concordat.Spc;
using ExcelDataReader;

namespace Concordat.Cli.Tests.Commands;

/// <summary><c>concordat export measure-data</c> against the demo's real A&amp;E series (April 2016 to March 2019).</summary>
public sealed class ExportCommandTests : IDisposable
{
    private const string DemoSystem = "Northshire and Eastvale ICS";
    private const string AeMeasure = "A&E four-hour performance (type 1)";
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string PathOf(string name) => Path.Combine(_cli.WorkingDirectory, name);

    [Fact]
    public async Task Csv_HasARowPerPeriod_WithItsValueCountsAndReading()
    {
        await _cli.RunAsync("demo");

        var result = await _cli.RunAsync("export", "measure-data", "--system", DemoSystem, "--measure", AeMeasure, "--format", "csv", "--output", PathOf("ae.csv"));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal($"Exported 36 values of {AeMeasure} to {PathOf("ae.csv")}.", result.Output.Trim());
        var rows = ReadTable("ae.csv");
        Assert.Equal<string?>(MeasureDataTable.Header, rows[0]);
        Assert.Equal(37, rows.Count);
        var column = MeasureDataTable.Header.Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index);
        Assert.Equal([AeMeasure, "%", "April 2016", "2016-04-01", "2016-04-30", "78.27", "14706", "18788"], rows[1].Take(8));
        Assert.Equal("2019-03-01", rows[^1][column["period_start"]]);
        Assert.Equal(["95", ""], rows[24].Skip(column["target"]).Take(2));
        Assert.Equal(["2018-04-01", "95", "80"], [rows[25][column["period_start"]], .. rows[25].Skip(column["target"]).Take(2)]);
        // The reading of each point is the analysis of the series itself (the demo measure has no recalculation points).
        var analysis = XmrAnalysis.Analyse(rows.Skip(1).Select(r => (double?)double.Parse(r[column["value"]]!, CultureInfo.InvariantCulture)).ToArray(),
            new SpcOptions { Improvement = ImprovementDirection.Increase, Target = 95 });
        foreach (var point in analysis.Points)
        {
            var row = rows[point.Index + 1];
            Assert.Equal(point.Mean, double.Parse(row[column["mean"]]!, CultureInfo.InvariantCulture));
            Assert.Equal(point.UpperProcessLimit, double.Parse(row[column["upper_process_limit"]]!, CultureInfo.InvariantCulture));
            Assert.Equal(point.PointType.InWords(), row[column["reading"]]);
            Assert.Equal("2016-04-01", row[column["limits_from"]]);
            Assert.Equal("no", row[column["limits_provisional"]]);
        }
        Assert.Contains(analysis.Points, p => p.IsSpecialCause);
    }

    [Fact]
    public async Task Xlsx_ReadsBackAsTheCsvDoes_WithNumbersAsNumbersAndDatesAsDates()
    {
        await _cli.RunAsync("demo");

        var csv = await _cli.RunAsync("export", "measure-data", "--system", DemoSystem, "--measure", AeMeasure, "--output", PathOf("ae.csv"));
        var xlsx = await _cli.RunAsync("export", "measure-data", "--system", DemoSystem, "--measure", AeMeasure, "--output", PathOf("ae.xlsx"));

        Assert.True(csv.ExitCode == 0, csv.Error);
        Assert.True(xlsx.ExitCode == 0, xlsx.Error);
        var fromCsv = ReadTable("ae.csv");
        var fromXlsx = ReadTable("ae.xlsx");
        Assert.Equal(fromCsv.Count, fromXlsx.Count);
        for (var i = 0; i < fromCsv.Count; i++)
        {
            Assert.Equal(fromCsv[i].Select(c => c ?? ""), fromXlsx[i].Concat(Enumerable.Repeat<string?>(null, fromCsv[i].Length - fromXlsx[i].Length)).Select(c => c ?? ""));
        }

        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        await using var stream = File.OpenRead(PathOf("ae.xlsx"));
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        Assert.True(reader.Read());
        Assert.Equal("period_start", reader.GetValue(3));
        Assert.True(reader.Read());
        Assert.Equal("April 2016", reader.GetValue(2));
        Assert.Equal(new DateTime(2016, 4, 1), reader.GetValue(3));
        Assert.Equal(new DateTime(2016, 4, 30), reader.GetValue(4));
        Assert.Equal(78.27, reader.GetValue(5));
        Assert.Equal(14706.0, reader.GetValue(6));
        Assert.IsType<double>(reader.GetValue(MeasureDataTable.Header.ToList().IndexOf("mean")));
        Assert.Equal("no", reader.GetValue(MeasureDataTable.Header.ToList().IndexOf("limits_provisional")));
    }

    [Fact]
    public async Task BadMeasureFormatOrOutput_ExitTwoWithAClearMessage_AndWriteNothing()
    {
        await _cli.RunAsync("demo");
        await File.WriteAllTextAsync(PathOf("taken.csv"), "keep me", Ct);

        var noMeasure = await _cli.RunAsync("export", "measure-data", "--system", DemoSystem, "--measure", "No such measure", "--output", PathOf("a.csv"));
        var badFormat = await _cli.RunAsync("export", "measure-data", "--system", DemoSystem, "--measure", AeMeasure, "--format", "pdf", "--output", PathOf("b.csv"));
        var unknownExtension = await _cli.RunAsync("export", "measure-data", "--system", DemoSystem, "--measure", AeMeasure, "--output", PathOf("c.txt"));
        var exists = await _cli.RunAsync("export", "measure-data", "--system", DemoSystem, "--measure", AeMeasure, "--output", PathOf("taken.csv"));
        var noSystem = await _cli.RunAsync("export", "measure-data", "--system", "Nowhere ICS", "--measure", AeMeasure, "--output", PathOf("d.csv"));

        Assert.Equal((2, "error: There is no measure with id or name 'No such measure' in this system."), (noMeasure.ExitCode, noMeasure.Error.Trim()));
        Assert.Equal((2, "error: --format must be csv or xlsx, not 'pdf'."), (badFormat.ExitCode, badFormat.Error.Trim()));
        Assert.Equal((2, "error: Say --format csv or --format xlsx: the output file's extension ('.txt') names neither."), (unknownExtension.ExitCode, unknownExtension.Error.Trim()));
        Assert.Equal((2, $"error: {PathOf("taken.csv")} already exists. Choose another file or add --overwrite."), (exists.ExitCode, exists.Error.Trim()));
        Assert.Equal((2, "error: There is no system with id or name 'Nowhere ICS'."), (noSystem.ExitCode, noSystem.Error.Trim()));
        Assert.Equal("keep me", await File.ReadAllTextAsync(PathOf("taken.csv"), Ct));
        Assert.Equal(["taken.csv"], Directory.GetFiles(_cli.WorkingDirectory).Select(Path.GetFileName));
    }

    private List<string?[]> ReadTable(string name)
    {
        using var stream = File.OpenRead(PathOf(name));
        return [.. TabularFile.Read(stream, name).Select(r => r.Cells)];
    }
}
