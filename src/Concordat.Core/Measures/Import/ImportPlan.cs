using Concordat.Core.Words;

namespace Concordat.Core.Measures.Import;

public enum RowChange
{
    Added,
    Changed,
    Unchanged,
}

/// <summary>The words people read for what an import does to a row.</summary>
public static class RowChangeWords
{
    public static string InWords(this RowChange change) => change switch
    {
        RowChange.Added => "Added",
        RowChange.Changed => "Changed",
        RowChange.Unchanged => "Unchanged",
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
    };
}

/// <summary>What is stored for a period now, to show what an import would replace.</summary>
public sealed record StoredValues(double Value, double? Count, double? Denominator, double? LowerCi, double? UpperCi, string? Note)
{
    public static StoredValues Of(Observation o) => new(o.Value, o.Count, o.Denominator, o.LowerCi, o.UpperCi, o.Note);

    public bool Matches(FileRow row) => Differences(row).Count == 0;

    /// <summary>
    /// What importing <paramref name="row"/> over these values would change, field by field, in words: "value changed",
    /// "note cleared", "count added". Empty when the row says exactly what is stored.
    /// </summary>
    public IReadOnlyList<string> Differences(FileRow row)
    {
        var differences = new List<string>();
        void Compare(string field, object? stored, object? imported)
        {
            if (!Equals(stored, imported))
            {
                differences.Add(field + (stored is null ? " added" : imported is null ? " cleared" : " changed"));
            }
        }
        Compare("value", Value, row.Value);
        Compare("count", Count, row.Count);
        Compare("denominator", Denominator, row.Denominator);
        Compare("lower confidence limit", LowerCi, row.LowerCi);
        Compare("upper confidence limit", UpperCi, row.UpperCi);
        Compare("note", Note, row.Note);
        return differences;
    }
}

/// <summary>One row of the file with the measure it is for and what importing it would do.</summary>
public readonly record struct PlannedRow(FileRow Row, Guid MeasureId, RowChange Change, StoredValues? Before)
{
    /// <summary>What the import does to this period, field by field: nothing for a new or unchanged period.</summary>
    public IReadOnlyList<string> Differences => Before?.Differences(Row) ?? [];

    /// <summary>
    /// What the import does to this period, in words: "Added", "Unchanged", "Value changed", "Note cleared", "Value
    /// changed and note cleared". A row whose value is the same is never called a changed value.
    /// </summary>
    public string ChangeInWords() => Change switch
    {
        RowChange.Changed => Capitalised(Prose.List(Differences)),
        _ => Change.InWords(),
    };

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

/// <summary>
/// Everything an import would do, worked out before anything is written: the preview a person confirms, or the
/// list of problems that stops the import.
/// </summary>
public sealed class ImportPlan(ObservationFile file, string fileName, IReadOnlyDictionary<Guid, Measure> measures)
{
    public ObservationFile File { get; } = file;
    public string FileName { get; } = fileName;
    public IReadOnlyDictionary<Guid, Measure> Measures { get; } = measures;
    public List<PlannedRow> Rows { get; } = [];
    public int Added { get; internal set; }
    public int Changed { get; internal set; }
    public int Unchanged { get; internal set; }

    public bool IsValid => File.ProblemCount == 0;
    public IReadOnlyList<ImportProblem> Problems => File.Problems;
    public int ProblemCount => File.ProblemCount;
}

/// <summary>The outcome of a confirmed import, by measure.</summary>
public sealed record ImportResult(int Added, int Changed, int Unchanged, IReadOnlyList<Guid> MeasureIds);
