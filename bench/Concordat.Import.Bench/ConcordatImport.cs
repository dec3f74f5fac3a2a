using System.Diagnostics;
using Concordat.Core;
using Concordat.Core.Data;
using Concordat.Core.Measures.Import;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Concordat.Import.Bench;

/// <summary>
/// One timed import through <see cref="ObservationImporter"/>, as the command line runs it: plan (read the file and
/// check every row against the measures), then apply (one transaction: conflict check, bulk write, audit, commit).
/// </summary>
/// <param name="Plan">Reading and checking the file.</param>
/// <param name="Apply">Writing the plan.</param>
/// <param name="WriteLoop">The bulk writer's loop over the rows, estimated from its progress reports.</param>
/// <param name="BeforeLoop">Apply's work before the loop: the rows to write and the check that nothing changed.</param>
/// <param name="AfterLoop">Apply's work after the loop: finishing COPY, the audit events and the commit.</param>
/// <param name="PlanAllocated">Bytes allocated while planning.</param>
/// <param name="ApplyAllocated">Bytes allocated while applying.</param>
/// <param name="PlanRetained">Managed heap held by the plan (the rows in memory) when it is applied.</param>
/// <param name="PlanGcPause">Time the garbage collector paused the program while planning.</param>
/// <param name="ApplyGcPause">Time the garbage collector paused the program while applying.</param>
internal sealed record ImportTiming(TimeSpan Plan, TimeSpan Apply, TimeSpan WriteLoop, TimeSpan BeforeLoop, TimeSpan AfterLoop,
    long PlanAllocated, long ApplyAllocated, long PlanRetained, TimeSpan PlanGcPause, TimeSpan ApplyGcPause)
{
    public TimeSpan Total => Plan + Apply;
}

internal static class ConcordatImport
{
    /// <summary>The same core services the web app and command line use, for one database.</summary>
    public static ServiceProvider Services(DatabaseProvider provider, string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Concordat"] = connectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddConcordatCore(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>Migrates a new database as the app does at start-up, and seeds the workload's measures.</summary>
    public static async Task PrepareAsync(IServiceProvider services, Workload workload, CancellationToken ct)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
        }
        await using (var scope = services.CreateAsyncScope())
        {
            await workload.SeedAsync(scope.ServiceProvider.GetRequiredService<ConcordatDb>(), ct);
        }
    }

    public static async Task<ImportTiming> RunAsync(IServiceProvider services, Workload workload, string csvPath, int expectedRows, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConcordatDb>();
        db.Tenant.Enter(workload.SystemId);
        var importer = scope.ServiceProvider.GetRequiredService<ObservationImporter>();
        var actor = workload.Actor;
        var heapBefore = SettledHeap();

        var allocatedAtStart = GC.GetTotalAllocatedBytes(precise: true);
        var pausedAtStart = GC.GetTotalPauseDuration();
        var start = Stopwatch.GetTimestamp();
        ImportPlan plan;
        await using (var stream = new FileStream(csvPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            plan = await importer.PlanAsync(stream, Path.GetFileName(csvPath), null, new FileChoice(), ImportLimits.None, actor, ct);
        }
        var planned = Stopwatch.GetTimestamp();
        var allocatedAtPlan = GC.GetTotalAllocatedBytes(precise: true);
        var pausedAtPlan = GC.GetTotalPauseDuration();
        if (!plan.IsValid || plan.Added != expectedRows)
        {
            throw new InvalidOperationException($"The plan should add {expectedRows:N0} rows but adds {plan.Added:N0}, with {plan.ProblemCount:N0} problems: "
                + string.Join("; ", plan.Problems.Take(5)));
        }

        var progress = new WriteClock();
        var applyStart = Stopwatch.GetTimestamp();
        var result = await importer.ApplyAsync(plan, actor, progress, ct);
        var applied = Stopwatch.GetTimestamp();
        var allocatedAtEnd = GC.GetTotalAllocatedBytes(precise: true);
        var pausedAtEnd = GC.GetTotalPauseDuration();
        if (result.Added != expectedRows)
        {
            throw new InvalidOperationException($"The import added {result.Added:N0} rows, not {expectedRows:N0}.");
        }
        // The plan is still reachable here, so the settled heap holds its rows.
        var retained = SettledHeap() - heapBefore;
        GC.KeepAlive(plan);

        var (loop, before, after) = progress.Split(applyStart, applied);
        return new ImportTiming(Stopwatch.GetElapsedTime(start, planned), Stopwatch.GetElapsedTime(applyStart, applied), loop, before, after,
            allocatedAtPlan - allocatedAtStart, allocatedAtEnd - allocatedAtPlan, retained, pausedAtPlan - pausedAtStart, pausedAtEnd - pausedAtPlan);
    }

    /// <summary>The managed heap after a full collection, so that garbage from earlier runs is not counted.</summary>
    public static long SettledHeap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>
    /// When the bulk writer reported its first and last progress (every 10,000 rows, then at the end): the loop's
    /// rate between them gives where it started, so apply splits into before, during and after the loop.
    /// </summary>
    private sealed class WriteClock : IProgress<int>
    {
        private (int Done, long At)? first;
        private (int Done, long At)? last;

        public void Report(int value)
        {
            var now = Stopwatch.GetTimestamp();
            first ??= (value, now);
            last = (value, now);
        }

        public (TimeSpan Loop, TimeSpan Before, TimeSpan After) Split(long start, long end)
        {
            if (first is not { } f || last is not { } l || l.Done == f.Done)
            {
                return (TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
            }
            var perRow = (double)(l.At - f.At) / (l.Done - f.Done);
            var loopStart = f.At - (long)(perRow * f.Done);
            return (Stopwatch.GetElapsedTime(loopStart, l.At), Stopwatch.GetElapsedTime(start, loopStart), Stopwatch.GetElapsedTime(l.At, end));
        }
    }
}
