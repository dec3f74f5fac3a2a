using System.Globalization;
using System.Text;
using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.Measures;
using Concordat.Core.Partnerships;
using Concordat.Spc;

namespace Concordat.Import.Bench;

/// <summary>
/// The system, organisation and measures every database is seeded with, and the rows the files hold: up to 1,000
/// weekly count measures, each with the same run of Mondays from 3 January 2000, measure by measure as an export
/// per indicator lists them. The ids are fixed when the workload is made, so one file imports into every fresh
/// database; the values come from a fixed seed.
/// </summary>
internal sealed class Workload
{
    public const int MaxMeasures = 1_000;
    public const string RecordedBy = "Import benchmark";

    private static readonly DateOnly FirstMonday = new(2000, 1, 3);

    public Workload(int rows)
    {
        Rows = rows;
        PeriodsPerMeasure = (rows + MaxMeasures - 1) / MaxMeasures;
        var measures = (rows + PeriodsPerMeasure - 1) / PeriodsPerMeasure;
        var lastPeriod = FirstMonday.AddDays(7 * (PeriodsPerMeasure - 1));
        if (lastPeriod > DateOnly.FromDateTime(DateTime.UtcNow))
        {
            throw new ArgumentException($"{rows:N0} rows need {PeriodsPerMeasure:N0} weeks for each of {MaxMeasures:N0} measures, up to {lastPeriod:yyyy-MM-dd}, which has not started yet.");
        }
        MeasureIds = [.. Enumerable.Range(0, measures).Select(_ => Guid.CreateVersion7())];
    }

    public int Rows { get; }
    public int PeriodsPerMeasure { get; }
    public Guid SystemId { get; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; } = Guid.CreateVersion7();
    public IReadOnlyList<Guid> MeasureIds { get; }

    /// <summary>An administrator acting in the system, so every measure may be imported into.</summary>
    public Actor Actor => new(null, RecordedBy, isAdministrator: true, SystemId, []);

    /// <summary>Adds the system, one organisation and the measures, with no observations.</summary>
    public async Task SeedAsync(ConcordatDb db, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        db.Systems.Add(new CareSystem { Id = SystemId, Name = "Import benchmark ICS", CreatedAtUtc = now });
        db.Tenant.Enter(SystemId);
        db.Organisations.Add(new Organisation { Id = OrganisationId, SystemId = SystemId, Name = "Import Benchmark ICB", Type = OrganisationType.IntegratedCareBoard, OdsCode = "QZ0" });
        db.Measures.AddRange(MeasureIds.Select((id, i) => new Measure
        {
            Id = id, SystemId = SystemId, Name = $"Benchmark measure {i + 1:0000}", Definition = "Synthetic weekly counts for the import benchmark.",
            Unit = "attendances", Frequency = MeasureFrequency.Weekly, Format = MeasureFormat.Count, Improvement = ImprovementDirection.Increase,
            SourceKind = MeasureSourceKind.Local, Geography = MeasureGeography.System, OwnerOrganisationId = OrganisationId, CreatedAtUtc = now,
        }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The file a person would import: <c>measure,period,value,count,denominator</c>, the measure by id.</summary>
    public async Task WriteImportCsvAsync(string path, int rows, CancellationToken ct)
    {
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        await writer.WriteLineAsync("measure,period,value,count,denominator");
        var line = new StringBuilder(96);
        foreach (var row in Generate(rows))
        {
            line.Clear().Append(CultureInfo.InvariantCulture, $"{MeasureIds[row.Measure]},{row.Period:yyyy-MM-dd},{row.Count},{row.Count},{row.Denominator}");
            await writer.WriteLineAsync(line, ct);
        }
    }

    /// <summary>
    /// The same rows in the table's own column layout, as psql's <c>\copy ... WITH (FORMAT csv)</c> reads them: what
    /// the import stores, with empty (null) confidence limits and notes.
    /// </summary>
    public async Task WriteTableCsvAsync(string path, DateTime recordedAtUtc, CancellationToken ct)
    {
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        var recordedAt = recordedAtUtc.ToString("yyyy-MM-dd HH:mm:ss.ffffff+00", CultureInfo.InvariantCulture);
        var line = new StringBuilder(256);
        foreach (var row in Generate(Rows))
        {
            line.Clear().Append(CultureInfo.InvariantCulture,
                $"{Guid.CreateVersion7()},{SystemId},{MeasureIds[row.Measure]},{row.Period:yyyy-MM-dd},{row.Count},{row.Count},{row.Denominator},,,,{recordedAt},{RecordedBy}");
            await writer.WriteLineAsync(line, ct);
        }
    }

    private IEnumerable<(int Measure, DateOnly Period, int Count, int Denominator)> Generate(int rows)
    {
#pragma warning disable CA5394 // Benchmark data, not security: a fixed seed gives the same values every time.
        var random = new Random(20_261_126);
        for (var i = 0; i < rows; i++)
        {
            var count = random.Next(0, 1_000);
            yield return (i / PeriodsPerMeasure, FirstMonday.AddDays(7 * (i % PeriodsPerMeasure)), count, count + random.Next(1, 1_000));
        }
#pragma warning restore CA5394
    }
}
