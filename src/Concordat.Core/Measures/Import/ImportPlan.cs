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

    public bool Matches(FileRow row) =>
        Value.Equals(row.Value) && Count.Equals(row.Count) && Denominator.Equals(row.Denominator) && LowerCi.Equals(row.LowerCi)
        && UpperCi.Equals(row.UpperCi) && string.Equals(Note, row.Note, StringComparison.Ordinal);
}

/// <summary>One row of the file with the measure it is for and what importing it would do.</summary>
public readonly record struct PlannedRow(FileRow Row, Guid MeasureId, RowChange Change, StoredValues? Before);

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
