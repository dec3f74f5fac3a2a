using System.Diagnostics;
using Concordat.Import.Bench;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    await Console.Error.WriteLineAsync(BenchOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var ct = cancel.Token;
var log = Console.Error;
var folder = Directory.CreateTempSubdirectory("concordat-import-bench-").FullName;
try
{
    var workload = new Workload(options.Rows);
    var csvPath = Path.Combine(folder, "observations.csv");
    var warmUpCsvPath = Path.Combine(folder, "warm-up.csv");
    // A tenth of the measures, imported twice before timing: enough calls for the runtime to have compiled the
    // per-row code with full optimisation, so that the first timed run is not slower than the rest.
    var warmUpRows = Math.Min(options.Rows, Math.Max(1, workload.MeasureIds.Count / 10) * workload.PeriodsPerMeasure);
    await log.WriteLineAsync(Report.Invariant($"Writing {options.Rows:N0} rows to {csvPath}"));
    await workload.WriteImportCsvAsync(csvPath, options.Rows, ct);
    await workload.WriteImportCsvAsync(warmUpCsvPath, warmUpRows, ct);
    var report = new Report(workload, options.Runs, new FileInfo(csvPath).Length);

    report.Sqlite = await SqliteBench.RunAsync(workload, folder, csvPath, warmUpCsvPath, warmUpRows, options.Runs, log, ct);
    report.SqlitePeakWorkingSet = PeakWorkingSet();
    if (options.Postgres is { } postgres)
    {
        report.Postgres = await PostgresBench.RunAsync(workload, postgres, folder, csvPath, warmUpCsvPath, warmUpRows, options.Runs, log, ct);
        report.PostgresPeakWorkingSet = PeakWorkingSet();
    }
    Console.WriteLine(report.ToMarkdown());
    return 0;
}
finally
{
    Directory.Delete(folder, recursive: true);
}

static long PeakWorkingSet()
{
    using var process = Process.GetCurrentProcess();
    return process.PeakWorkingSet64;
}
