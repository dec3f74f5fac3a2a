using System.Diagnostics;
using Concordat.Core.Data;
using Concordat.Core.Measures.Import;
using Microsoft.Extensions.DependencyInjection;

namespace Concordat.Import.Bench;

/// <summary>The plan's steps one at a time, each with its time and the bytes it allocates.</summary>
internal sealed record PlanSteps(Step Lines, Step Cells, Step Read, Step Check);

/// <param name="GcPause">Time the garbage collector paused the program during the step.</param>
internal readonly record struct Step(TimeSpan Time, long Allocated, TimeSpan GcPause);

/// <summary>
/// Where planning spends its time, measured step by step with the importer's public parts: (1) reading the file's
/// lines, the floor any CSV reader pays; (2) splitting them into cells (<see cref="TabularFile"/>); (3) reading the
/// cells by the simple layout into rows (<see cref="ObservationFile"/>, which includes step 2); (4) checking the
/// rows against the measures and stored data (<see cref="ObservationImporter"/>'s plan of a file already read).
/// </summary>
internal static class PlanBreakdown
{
    public static async Task<PlanSteps> RunAsync(IServiceProvider services, Workload workload, string csvPath, CancellationToken ct)
    {
        var name = Path.GetFileName(csvPath);
        var lines = Measure(() => File.ReadLines(csvPath).LongCount());
        var cells = Measure(() =>
        {
            using var stream = Open(csvPath);
            return TabularFile.Read(stream, name).LongCount();
        });
        ObservationFile? file = null;
        var read = Measure(() =>
        {
            using var stream = Open(csvPath);
            file = ObservationFile.Read(TabularFile.Read(stream, name), new FileChoice(), ImportLimits.None);
            return file.Rows.Count;
        });

        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ConcordatDb>().Tenant.Enter(workload.SystemId);
        var importer = scope.ServiceProvider.GetRequiredService<ObservationImporter>();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var paused = GC.GetTotalPauseDuration();
        var start = Stopwatch.GetTimestamp();
        var plan = await importer.PlanAsync(file!, name, null, workload.Actor, ct);
        var check = new Step(Stopwatch.GetElapsedTime(start), GC.GetTotalAllocatedBytes(precise: true) - allocated, GC.GetTotalPauseDuration() - paused);
        if (!plan.IsValid || plan.Added != workload.Rows)
        {
            throw new InvalidOperationException($"The plan should add {workload.Rows:N0} rows but adds {plan.Added:N0}.");
        }
        return new PlanSteps(lines, cells, read, check);
    }

    private static FileStream Open(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    private static Step Measure(Func<long> work)
    {
        ConcordatImport.SettledHeap();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var paused = GC.GetTotalPauseDuration();
        var start = Stopwatch.GetTimestamp();
        GC.KeepAlive(work());
        return new Step(Stopwatch.GetElapsedTime(start), GC.GetTotalAllocatedBytes(precise: true) - allocated, GC.GetTotalPauseDuration() - paused);
    }
}
