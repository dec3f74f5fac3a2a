using Concordat.Core.Data;
using Microsoft.Data.Sqlite;

namespace Concordat.Import.Bench;

internal sealed record SqliteResults(IReadOnlyList<ImportTiming> Runs, IReadOnlyList<PlanSteps> Steps);

/// <summary>
/// Each run imports the file into a new SQLite database file, migrated (WAL, as the app sets it) and seeded with the
/// measures, so that every run writes the same rows into the same empty table.
/// </summary>
internal static class SqliteBench
{
    public static async Task<SqliteResults> RunAsync(Workload workload, string folder, string csvPath, string warmUpCsvPath, int warmUpRows, int runs, TextWriter log,
        CancellationToken ct)
    {
        // Untimed imports of a smaller file first, so that no run pays for loading and compiling the code.
        for (var warmUp = 0; warmUp < 2; warmUp++)
        {
            await ImportIntoNewDatabaseAsync(workload, Path.Combine(folder, "warm-up.db"), warmUpCsvPath, warmUpRows, ct);
        }
        var timings = new List<ImportTiming>();
        for (var run = 1; run <= runs; run++)
        {
            var timing = await ImportIntoNewDatabaseAsync(workload, Path.Combine(folder, $"run-{run}.db"), csvPath, workload.Rows, ct);
            await log.WriteLineAsync(Report.Invariant($"SQLite run {run}: plan {timing.Plan.TotalSeconds:0.00} s (GC pauses {timing.PlanGcPause.TotalSeconds:0.00} s), apply {timing.Apply.TotalSeconds:0.00} s (GC pauses {timing.ApplyGcPause.TotalSeconds:0.00} s), total {timing.Total.TotalSeconds:0.00} s"));
            timings.Add(timing);
        }

        var steps = new List<PlanSteps>();
        var path = Path.Combine(folder, "steps.db");
        var services = await NewDatabaseAsync(workload, path, ct);
        try
        {
            for (var run = 1; run <= runs; run++)
            {
                steps.Add(await PlanBreakdown.RunAsync(services, workload, csvPath, ct));
                await log.WriteLineAsync(Report.Invariant($"Plan steps run {run}: check {steps[^1].Check.Time.TotalSeconds:0.00} s"));
            }
        }
        finally
        {
            await services.DisposeAsync();
            Delete(path);
        }
        return new SqliteResults(timings, steps);
    }

    private static async Task<ImportTiming> ImportIntoNewDatabaseAsync(Workload workload, string path, string csvPath, int rows, CancellationToken ct)
    {
        var services = await NewDatabaseAsync(workload, path, ct);
        try
        {
            return await ConcordatImport.RunAsync(services, workload, csvPath, rows, ct);
        }
        finally
        {
            await services.DisposeAsync();
            Delete(path);
        }
    }

    private static async Task<Microsoft.Extensions.DependencyInjection.ServiceProvider> NewDatabaseAsync(Workload workload, string path, CancellationToken ct)
    {
        Delete(path);
        var services = ConcordatImport.Services(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = path }.ToString());
        await ConcordatImport.PrepareAsync(services, workload, ct);
        return services;
    }

    private static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
