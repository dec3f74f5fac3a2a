using System.Globalization;
using Concordat.Core.Words;

namespace Concordat.Core.Measures.Import;

public enum ObservationFileLayout
{
    /// <summary><c>[measure,]period,value[,count,denominator,lower_ci,upper_ci,note]</c>.</summary>
    Simple,

    /// <summary>OHID Fingertips' data export: one row per indicator, area and time period.</summary>
    Fingertips,
}

/// <summary>The words people read for the layouts of a file of values.</summary>
public static class ObservationFileWords
{
    public static string InWords(this ObservationFileLayout layout) => layout switch
    {
        ObservationFileLayout.Simple => "Period and value layout",
        ObservationFileLayout.Fingertips => "OHID Fingertips export",
        _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, null),
    };
}

/// <summary>Something wrong with one cell or row, said so that the person can find it in their file.</summary>
public sealed record ImportProblem(int Row, string Column, string Reason)
{
    public override string ToString() => Row == 0 ? $"{Column}: {Reason}" : $"Row {Row}, {Column}: {Reason}";
}

/// <summary>
/// The values a file gives for one period. The period is read as text: what "2019/20" means (a financial or an
/// academic year) depends on the measure the row is for, so <see cref="Period"/> is set once the measure is known.
/// </summary>
public sealed record FileRow(int Row, string? Measure, string PeriodText, double Value, double? Count, double? Denominator, double? LowerCi, double? UpperCi, string? Note)
{
    /// <summary>The first day of the period, once read by the measure's type.</summary>
    public DateOnly Period { get; init; }
}

/// <summary>A row the file marks as having no value (Fingertips' suppressed figures), left out rather than refused.</summary>
public sealed record LeftOutRow(int Row, string Period, string Reason);

/// <summary>Which Fingertips rows to take, when the file holds several indicators or areas.</summary>
public sealed record FileChoice(string? Indicator = null, string? Area = null);

public sealed record ImportLimits(long MaxBytes, int MaxRows)
{
    /// <summary>Uploads through the web and the API: enough for decades of weekly data across many areas.</summary>
    public static ImportLimits Upload { get; } = new(10 * 1024 * 1024, 100_000);

    /// <summary>The command line reads files of any size.</summary>
    public static ImportLimits None { get; } = new(long.MaxValue, int.MaxValue);

    public string Describe() => $"{Prose.Number(MaxBytes / 1024 / 1024)} MB and {Prose.Count(MaxRows, "row")}";
}

/// <summary>
/// A file's rows read by its layout, before they are checked against the measures: every cell that cannot be read
/// is a problem, and no row is dropped silently.
/// </summary>
public sealed class ObservationFile
{
    public const int MaxProblemsListed = 500;

    public ObservationFileLayout Layout { get; private init; }
    public bool HasMeasureColumn { get; private init; }
    public List<FileRow> Rows { get; } = [];
    public List<ImportProblem> Problems { get; } = [];
    public int ProblemCount { get; private set; }
    public List<LeftOutRow> LeftOut { get; } = [];

    /// <summary>Fingertips indicators and areas in the file (code → name), so a person can choose among them.</summary>
    public SortedDictionary<string, string> Indicators { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, string> Areas { get; } = new(StringComparer.Ordinal);

    public void AddProblem(int row, string column, string reason)
    {
        ProblemCount++;
        if (Problems.Count < MaxProblemsListed)
        {
            Problems.Add(new ImportProblem(row, column, reason));
        }
    }

    private static readonly string[] SimpleColumns = ["measure", "period", "value", "count", "denominator", "lower_ci", "upper_ci", "note"];

    /// <exception cref="ImportFileException">The file is empty, has no header either layout recognises, or is over the row limit.</exception>
    public static ObservationFile Read(IEnumerable<TableRow> rows, FileChoice choice, ImportLimits limits)
    {
        using var enumerator = rows.GetEnumerator();
        if (!enumerator.MoveNext())
        {
            throw new ImportFileException("The file is empty. It needs a header row, like period,value, and a row for each period.");
        }
        var header = enumerator.Current.Cells.Select(c => c?.Trim() ?? "").ToArray();
        var columns = header.Select((name, index) => (name, index)).Where(c => c.name.Length > 0)
            .GroupBy(c => c.name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().index, StringComparer.OrdinalIgnoreCase);
        var file = IsFingertips(columns)
            ? new ObservationFile { Layout = ObservationFileLayout.Fingertips }
            : new ObservationFile { Layout = ObservationFileLayout.Simple, HasMeasureColumn = columns.ContainsKey("measure") };
        if (file.Layout == ObservationFileLayout.Simple)
        {
            var simple = header.Select(h => h.Replace(' ', '_').ToLowerInvariant()).ToArray();
            columns = simple.Select((name, index) => (name, index)).Where(c => c.name.Length > 0)
                .GroupBy(c => c.name).ToDictionary(g => g.Key, g => g.First().index, StringComparer.OrdinalIgnoreCase);
            if (!columns.ContainsKey("period") || !columns.ContainsKey("value"))
            {
                throw new ImportFileException("The first row must name the columns: period and value (and optionally measure, count, denominator, " +
                    "lower_ci, upper_ci, note), or be an OHID Fingertips data export with Indicator ID, Area Code, Time period and Value.");
            }
            foreach (var (name, index) in simple.Select((n, i) => (n, i)))
            {
                if (name.Length > 0 && !SimpleColumns.Contains(name))
                {
                    file.AddProblem(1, ColumnName(index), $"\"{header[index]}\" is not a column Concordat knows; use {string.Join(", ", SimpleColumns)}");
                }
                else if (name.Length > 0 && columns[name] != index)
                {
                    file.AddProblem(1, ColumnName(index), $"\"{header[index]}\" appears twice");
                }
            }
        }
        var count = 0;
        while (enumerator.MoveNext())
        {
            if (++count > limits.MaxRows)
            {
                throw new ImportFileException($"The file has more than {Prose.Count(limits.MaxRows, "row")}. Files can have at most {Prose.Count(limits.MaxRows, "row")}; split it, or use the command line.");
            }
            if (file.Layout == ObservationFileLayout.Simple)
            {
                file.ReadSimple(enumerator.Current, columns);
            }
            else
            {
                file.ReadFingertips(enumerator.Current, columns, choice);
            }
        }
        if (file.Layout == ObservationFileLayout.Fingertips)
        {
            file.CheckChoice(choice);
        }
        return file;
    }

    private static bool IsFingertips(Dictionary<string, int> columns) =>
        columns.ContainsKey("Indicator ID") && columns.ContainsKey("Area Code") && columns.ContainsKey("Time period") && columns.ContainsKey("Value");

    /// <summary>The spreadsheet's name for a column, so "column C" can be found in the file.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }
        return name;
    }

    private void ReadSimple(TableRow row, Dictionary<string, int> columns)
    {
        int Column(string name) => columns.TryGetValue(name, out var index) ? index : -1;
        var problems = ProblemCount;
        var measure = row.Cell(Column("measure"));
        if (HasMeasureColumn && measure is null)
        {
            AddProblem(row.Number, "measure", "is empty; give the measure's name or id");
        }
        var period = Period(row, Column("period"), "period");
        var value = Number(row, Column("value"), "value", required: true);
        var count = Number(row, Column("count"), "count");
        var denominator = Number(row, Column("denominator"), "denominator");
        var lower = Number(row, Column("lower_ci"), "lower_ci");
        var upper = Number(row, Column("upper_ci"), "upper_ci");
        var note = row.Cell(Column("note"));
        if (note is { Length: > Observation.NoteMaxLength })
        {
            AddProblem(row.Number, "note", $"must be {Observation.NoteMaxLength} characters or fewer");
        }
        if (ProblemCount == problems)
        {
            Rows.Add(new FileRow(row.Number, measure, period!, value!.Value, count, denominator, lower, upper, note));
        }
    }

    private void ReadFingertips(TableRow row, Dictionary<string, int> columns, FileChoice choice)
    {
        int Column(string name) => columns.TryGetValue(name, out var index) ? index : -1;
        var indicator = row.Cell(Column("Indicator ID")) ?? "";
        var area = row.Cell(Column("Area Code")) ?? "";
        Indicators.TryAdd(indicator, row.Cell(Column("Indicator Name")) ?? indicator);
        Areas.TryAdd(area, row.Cell(Column("Area Name")) ?? area);
        // Breakdowns (by deprivation decile, ethnicity...) carry a category type; the headline figure does not.
        if ((choice.Indicator is not null && indicator != choice.Indicator) || (choice.Area is not null && !area.Equals(choice.Area, StringComparison.OrdinalIgnoreCase))
            || row.Cell(Column("Category Type")) is not null)
        {
            return;
        }
        var problems = ProblemCount;
        var period = Period(row, Column("Time period"), "Time period");
        var valueText = row.Cell(Column("Value"));
        if (valueText is null && row.Cell(Column("Value note")) is { } valueNote && period is not null)
        {
            LeftOut.Add(new LeftOutRow(row.Number, row.Cell(Column("Time period"))!, valueNote));
            return;
        }
        var value = Number(row, Column("Value"), "Value", required: true);
        var lower = Number(row, Column("Lower CI 95.0 limit"), "Lower CI 95.0 limit");
        var upper = Number(row, Column("Upper CI 95.0 limit"), "Upper CI 95.0 limit");
        var count = Number(row, Column("Count"), "Count");
        var denominator = Number(row, Column("Denominator"), "Denominator");
        var note = row.Cell(Column("Value note"));
        if (note is { Length: > Observation.NoteMaxLength })
        {
            AddProblem(row.Number, "Value note", $"must be {Observation.NoteMaxLength} characters or fewer");
        }
        if (ProblemCount == problems)
        {
            Rows.Add(new FileRow(row.Number, null, period!, value!.Value, count, denominator, lower, upper, note));
        }
    }

    /// <summary>With several indicators or areas the person must say which; a chosen one must be in the file.</summary>
    private void CheckChoice(FileChoice choice)
    {
        static string List(SortedDictionary<string, string> items) => string.Join(", ", items.Take(20).Select(i => i.Key == i.Value ? i.Key : $"{i.Key} ({i.Value})"))
            + (items.Count > 20 ? $" and {items.Count - 20} more" : "");
        var before = ProblemCount;
        if (choice.Indicator is { } indicator && !Indicators.ContainsKey(indicator))
        {
            AddProblem(0, "Indicator ID", $"indicator {indicator} is not in this file; it has {List(Indicators)}");
        }
        else if (choice.Indicator is null && Indicators.Count > 1)
        {
            AddProblem(0, "Indicator ID", $"the file has {Indicators.Count} indicators; choose one of {List(Indicators)}");
        }
        if (choice.Area is { } area && !Areas.Keys.Contains(area, StringComparer.OrdinalIgnoreCase))
        {
            AddProblem(0, "Area Code", $"area {area} is not in this file; it has {List(Areas)}");
        }
        else if (choice.Area is null && Areas.Count > 1)
        {
            AddProblem(0, "Area Code", $"the file has {Areas.Count} areas; choose one of {List(Areas)}");
        }
        if (ProblemCount > before)
        {
            // Rows from several indicators or areas mixed together would only add misleading duplicate-period problems.
            Rows.Clear();
        }
    }

    private string? Period(TableRow row, int column, string name)
    {
        var text = row.Cell(column);
        if (text is null)
        {
            AddProblem(row.Number, name, "is empty; give the period, like 2024-04-01, April 2024, 2024/25 or 2019 - 21");
        }
        return text;
    }

    private double? Number(TableRow row, int column, string name, bool required = false)
    {
        var text = row.Cell(column);
        if (text is null)
        {
            if (required)
            {
                AddProblem(row.Number, name, "is empty; every period needs a value");
            }
            return null;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return number;
        }
        AddProblem(row.Number, name, $"\"{Shorten(text)}\" is not a number");
        return null;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
