using System.Globalization;
using System.Runtime.InteropServices;

namespace Concordat.Import.Bench;

/// <summary>The results as Markdown: medians, the spread of the runs, and speeds.</summary>
internal sealed class Report(Workload workload, int runs, long fileBytes)
{
    public SqliteResults? Sqlite { get; set; }
    public long SqlitePeakWorkingSet { get; set; }
    public PostgresResults? Postgres { get; set; }
    public long PostgresPeakWorkingSet { get; set; }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public string ToMarkdown()
    {
        var rows = workload.Rows;
        var lines = new List<string>
        {
            "# Observation import benchmark",
            "",
            Invariant($"{DateTime.UtcNow:yyyy-MM-dd}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC."),
            Invariant($"{rows:N0} observations ({workload.MeasureIds.Count:N0} weekly measures × up to {workload.PeriodsPerMeasure:N0} weeks), a {fileBytes / 1e6:0.0} MB CSV file; medians of {runs} runs (min – max)."),
        };
        if (Sqlite is { } sqlite)
        {
            var retained = Median(sqlite.Runs.Select(r => (double)r.PlanRetained));
            lines.AddRange(
            [
                "",
                "## SQLite: target well under 60 s",
                "",
                "| step | time | rows/s | allocated per row | GC pauses |",
                "|---|---:|---:|---:|---:|",
                Row("plan: read and check the file", [.. sqlite.Runs.Select(r => r.Plan)], Costs(sqlite.Runs, r => r.PlanAllocated, r => r.PlanGcPause)),
                Row("apply: write (prepared upsert), audit, commit", [.. sqlite.Runs.Select(r => r.Apply)], Costs(sqlite.Runs, r => r.ApplyAllocated, r => r.ApplyGcPause)),
                Row("**total**", [.. sqlite.Runs.Select(r => r.Total)], Costs(sqlite.Runs, r => r.PlanAllocated + r.ApplyAllocated, r => r.PlanGcPause + r.ApplyGcPause)),
                "",
                Invariant($"Peak working set {SqlitePeakWorkingSet / 1e6:N0} MB; the plan holds {retained / 1e6:N0} MB of rows while it is applied ({retained / rows:N0} B per row)."),
            ]);
        }
        if (Postgres is { } postgres)
        {
            var psql = Median(postgres.Psql);
            string Ratio(Func<ImportTiming, TimeSpan> part) => Invariant($"{psql / Median(postgres.Runs.Select(part)):0.00}");
            lines.AddRange(
            [
                "",
                Invariant($"## PostgreSQL {postgres.ServerVersion}: target at least half the speed of psql's \\copy"),
                "",
                "| step | time | rows/s | allocated per row | GC pauses | speed ÷ psql's |",
                "|---|---:|---:|---:|---:|---:|",
                Row("psql `\\copy` (CSV in the table's layout)", postgres.Psql, "– | – | 1.00"),
                Row("Concordat plan: read and check the file", [.. postgres.Runs.Select(r => r.Plan)], Costs(postgres.Runs, r => r.PlanAllocated, r => r.PlanGcPause) + " | "),
                Row("Concordat apply: binary COPY, audit, commit", [.. postgres.Runs.Select(r => r.Apply)],
                    Costs(postgres.Runs, r => r.ApplyAllocated, r => r.ApplyGcPause) + " | " + Ratio(r => r.Apply)),
                Row("**Concordat total**", [.. postgres.Runs.Select(r => r.Total)],
                    Costs(postgres.Runs, r => r.PlanAllocated + r.ApplyAllocated, r => r.PlanGcPause + r.ApplyGcPause) + " | **" + Ratio(r => r.Total) + "**"),
                "",
                Invariant($"Peak working set {PostgresPeakWorkingSet / 1e6:N0} MB (whole process so far)."),
            ]);
        }
        if (Sqlite is { Steps.Count: > 0 } steps)
        {
            string Step(string name, Func<PlanSteps, Step> step, Func<PlanSteps, Step>? less = null)
            {
                TimeSpan Part(Func<Step, TimeSpan> value) => Median(steps.Steps.Select(s => value(step(s)) - (less is null ? TimeSpan.Zero : value(less(s)))));
                var bytes = Median(steps.Steps.Select(s => (double)(step(s).Allocated - (less is null ? 0 : less(s).Allocated)))) / rows;
                return Invariant($"| {name} | {Seconds(Part(s => s.Time))} | {bytes:N0} B | {Seconds(Part(s => s.GcPause))} |");
            }
            lines.AddRange(
            [
                "",
                "## Where the plan's time goes (step by step, SQLite)",
                "",
                "| step | time | allocated per row | GC pauses |",
                "|---|---:|---:|---:|",
                Step("read the lines (the floor for any reader)", s => s.Lines),
                Step("split into cells (CSV reader, a row object per line)", s => s.Cells),
                Step("read cells by the layout (periods, numbers, rows)", s => s.Read, s => s.Cells),
                Step("check rows against the measures and stored data", s => s.Check),
            ]);
        }
        if (Sqlite is not null || Postgres is not null)
        {
            string Cell(IReadOnlyList<ImportTiming>? timings, Func<ImportTiming, TimeSpan> part) => timings is null ? "–" : Seconds(Median(timings.Select(part)));
            lines.AddRange(
            [
                "",
                "## Where apply's time goes (from the bulk writer's progress reports)",
                "",
                "| part of apply | SQLite | PostgreSQL |",
                "|---|---:|---:|",
                $"| before the loop: rows to write, check nothing changed since the plan | {Cell(Sqlite?.Runs, r => r.BeforeLoop)} | {Cell(Postgres?.Runs, r => r.BeforeLoop)} |",
                $"| the bulk writer's loop over the rows | {Cell(Sqlite?.Runs, r => r.WriteLoop)} | {Cell(Postgres?.Runs, r => r.WriteLoop)} |",
                $"| after the loop: end of COPY, audit events, commit | {Cell(Sqlite?.Runs, r => r.AfterLoop)} | {Cell(Postgres?.Runs, r => r.AfterLoop)} |",
            ]);
        }
        return string.Join(Environment.NewLine, lines);
    }

    private string Row(string name, IReadOnlyList<TimeSpan> times, string rest)
    {
        var median = Median(times);
        return Invariant($"| {name} | {Seconds(median)} ({times.Min().TotalSeconds:0.00} – {times.Max().TotalSeconds:0.00}) | {workload.Rows / median.TotalSeconds:N0} | {rest} |");
    }

    /// <summary>Allocated bytes per row and GC pauses, medians of the runs.</summary>
    private string Costs(IReadOnlyList<ImportTiming> runs, Func<ImportTiming, long> allocated, Func<ImportTiming, TimeSpan> paused) =>
        Invariant($"{Median(runs.Select(r => (double)allocated(r))) / workload.Rows:N0} B | {Seconds(Median(runs.Select(paused)))}");

    private static string Seconds(TimeSpan time) => Invariant($"{time.TotalSeconds:0.00} s");

    public static TimeSpan Median(IEnumerable<TimeSpan> times) => TimeSpan.FromTicks((long)Median(times.Select(t => (double)t.Ticks)));

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
