using System.Text.Json;
using Concordat.Core.Measures;
using Concordat.Spc;

namespace Concordat.Core.Tests.Measures;

/// <summary>
/// The rows of a measure's data download, against a reference case of data/reference/spc/cases.json: NHSRplotthedots
/// 0.2.2's mean, limits and point types for a series rebased three times, with a special cause shift and two short
/// (provisional) segments.
/// </summary>
public sealed class MeasureDataTableTests
{
    private const string CaseId = "case_188";
    private static readonly DateOnly First = new(2020, 1, 1);

    [Fact]
    public void EveryRow_CarriesTheReferenceReadingOfItsPoint()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "cases.json")));
        var reference = document.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetString() == CaseId);
        var input = reference.GetProperty("input");
        Assert.Equal("increase", input.GetProperty("improvement").GetString());
        Assert.True(input.GetProperty("screen_outliers").GetBoolean());
        var values = input.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToList();
        var rebaseIndices = input.GetProperty("rebase").EnumerateArray().Select(r => r.GetInt32()).ToList();
        var expected = reference.GetProperty("expected").GetProperty("points").EnumerateArray().ToList();

        var measure = new Measure
        {
            Name = "Net change in waiting list", Definition = "Referrals added less removed", Unit = "patients", Frequency = MeasureFrequency.Monthly,
            Format = MeasureFormat.Number, Improvement = ImprovementDirection.Increase, Target = input.GetProperty("target").GetDouble(),
        };
        var series = values.Select((v, i) => new Observation
        {
            MeasureId = measure.Id, PeriodStart = First.AddMonths(i), Value = v, RecordedByName = "Analyst",
            Count = i == 3 ? 245 : null, Denominator = i == 3 ? 1000 : null, Note = i == 3 ? "Validated, \"late\"" : null,
        }).ToList();
        var rebases = rebaseIndices.Select(i => new MeasureRebase { MeasureId = measure.Id, PeriodStart = First.AddMonths(i), Reason = $"Change {i}" }).ToList();
        var trajectory = new List<TrajectoryPoint> { new() { MeasureId = measure.Id, PeriodStart = First.AddMonths(44), Value = -4 } };

        var table = MeasureDataTable.For(measure, series, rebases, trajectory);

        Assert.Equal(values.Count, table.Rows.Count);
        var column = MeasureDataTable.Header.Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index);
        for (var i = 0; i < values.Count; i++)
        {
            var row = table.Rows[i];
            var point = expected[i];
            Assert.Equal(i, point.GetProperty("index").GetInt32());
            Assert.Equal("Net change in waiting list", row[column["measure"]]);
            Assert.Equal(First.AddMonths(i), row[column["period_start"]]);
            Assert.Equal(First.AddMonths(i + 1).AddDays(-1), row[column["period_end"]]);
            Assert.Equal(values[i], row[column["value"]]);
            Assert.Equal(-8.3, row[column["target"]]);
            Close(point.GetProperty("mean").GetDouble(), row[column["mean"]]);
            Close(point.GetProperty("lpl").GetDouble(), row[column["lower_process_limit"]]);
            Close(point.GetProperty("upl").GetDouble(), row[column["upper_process_limit"]]);
            Assert.True(SpcNames.TryParsePointType(point.GetProperty("point_type").GetString(), out var type));
            Assert.Equal(type.InWords(), row[column["reading"]]);
            Assert.Equal(point.GetProperty("rule").GetString() is { } rule && SpcNames.TryParseSpecialCauseRule(rule, out var r) ? r.InWords() : null, row[column["rule"]]);
            Assert.Equal(point.GetProperty("signal").GetString() is { } signal && SpcNames.TryParseSignalDirection(signal, out var s) ? s.InWords() : null, row[column["signal"]]);
            Assert.Equal(point.GetProperty("short_group_warning").GetBoolean(), row[column["limits_provisional"]]);
            var segmentStart = rebaseIndices.LastOrDefault(b => b <= i);
            Assert.Equal(First.AddMonths(segmentStart), row[column["limits_from"]]);
            Assert.Equal(segmentStart == 0 ? null : $"Change {segmentStart}", row[column["limits_recalculated_because"]]);
            Assert.Equal(i == 44 ? -4.0 : null, row[column["trajectory"]]);
        }

        // The shift the reference flags, in words a board reads, and what was recorded with a value kept as it was.
        Assert.Equal(["Special cause concern", "Shift of 7 points on one side of the mean", "Low"], table.Rows[13].Skip(column["reading"]).Take(3));
        Assert.Equal([245.0, 1000.0, null, null, "Validated, \"late\""], table.Rows[3].Skip(column["count"]).Take(5));
    }

    [Fact]
    public void AMeasureWithoutData_HasOnlyTheHeader()
    {
        var measure = new Measure { Name = "Empty", Definition = "None yet", Unit = "%" };
        var table = MeasureDataTable.For(measure, [], [], []);
        Assert.Equal(MeasureDataTable.Header, table.Header);
        Assert.Empty(table.Rows);
        Assert.Equal("\uFEFF" + string.Join(',', MeasureDataTable.Header) + "\r\n", System.Text.Encoding.UTF8.GetString(table.ToCsv()));
    }

    [Theory]
    [InlineData("Four-hour A&E performance (type 1)", "four-hour-a-e-performance-type-1.csv")]
    [InlineData("££", "measure.csv")]
    public void TheFileName_ComesFromTheMeasuresName(string name, string fileName) =>
        Assert.Equal(fileName, MeasureDataTable.FileName(new Measure { Name = name, Definition = "", Unit = "" }, "csv"));

    private static void Close(double expected, object? actual)
    {
        var value = Assert.IsType<double>(actual);
        Assert.True(Math.Abs(expected - value) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"expected {expected}, got {value}");
    }
}
