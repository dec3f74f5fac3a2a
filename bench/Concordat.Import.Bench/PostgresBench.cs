using System.Diagnostics;
using Concordat.Core.Data;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Concordat.Import.Bench;

internal sealed record PostgresResults(IReadOnlyList<ImportTiming> Runs, IReadOnlyList<TimeSpan> Psql, string ServerVersion);

/// <summary>
/// Concordat's import and psql's <c>\copy</c> of the same rows into the same table of a throwaway database, side by
/// side: each run empties the table and checkpoints before each of the two, and the order alternates between runs.
/// </summary>
internal static class PostgresBench
{
    private const string Columns = "\"Id\", \"SystemId\", \"MeasureId\", \"PeriodStart\", \"Value\", \"Count\", \"Denominator\", \"LowerCi\", \"UpperCi\", \"Note\", \"RecordedAtUtc\", \"RecordedByName\"";

    public static async Task<PostgresResults> RunAsync(Workload workload, string connectionString, string folder, string csvPath, string warmUpCsvPath, int warmUpRows,
        int runs, TextWriter log, CancellationToken ct)
    {
        var server = new NpgsqlConnectionStringBuilder(connectionString);
        var database = $"concordat_import_bench_{Guid.NewGuid():N}"[..40];
        var bench = new NpgsqlConnectionStringBuilder(connectionString) { Database = database };
        await ExecuteAsync(server.ConnectionString, $"CREATE DATABASE \"{database}\"", ct);
        try
        {
            await using var services = ConcordatImport.Services(DatabaseProvider.Postgres, bench.ConnectionString);
            await ConcordatImport.PrepareAsync(services, workload, ct);
            var version = await ScalarAsync(bench.ConnectionString, "SHOW server_version", ct);

            var checkpoint = await CanCheckpointAsync(bench.ConnectionString, ct);
            if (!checkpoint)
            {
                await log.WriteLineAsync("This user may not CHECKPOINT (it needs a superuser or pg_checkpoint); runs will not start from a clean checkpoint.");
            }
            var tablePath = Path.Combine(folder, "observations-table.csv");
            await workload.WriteTableCsvAsync(tablePath, DateTime.UtcNow, ct);

            // Untimed first rounds of each, so that neither pays for loading and compiling code or a cold cache.
            for (var warmUp = 0; warmUp < 2; warmUp++)
            {
                await EmptyAsync(bench.ConnectionString, checkpoint, ct);
                await ConcordatImport.RunAsync(services, workload, warmUpCsvPath, warmUpRows, ct);
            }
            await EmptyAsync(bench.ConnectionString, checkpoint, ct);
            await PsqlCopyAsync(bench, tablePath, ct);

            var timings = new List<ImportTiming>();
            var psql = new List<TimeSpan>();
            for (var run = 1; run <= runs; run++)
            {
                var psqlFirst = run % 2 == 0;
                for (var turn = 0; turn < 2; turn++)
                {
                    await EmptyAsync(bench.ConnectionString, checkpoint, ct);
                    if ((turn == 0) == psqlFirst)
                    {
                        psql.Add(await PsqlCopyAsync(bench, tablePath, ct));
                        await log.WriteLineAsync(Report.Invariant($"PostgreSQL run {run}: psql \\copy {psql[^1].TotalSeconds:0.00} s"));
                    }
                    else
                    {
                        timings.Add(await ConcordatImport.RunAsync(services, workload, csvPath, workload.Rows, ct));
                        await log.WriteLineAsync(Report.Invariant(
                            $"PostgreSQL run {run}: Concordat plan {timings[^1].Plan.TotalSeconds:0.00} s, apply {timings[^1].Apply.TotalSeconds:0.00} s, total {timings[^1].Total.TotalSeconds:0.00} s"));
                    }
                    await CheckCountAsync(bench.ConnectionString, workload.Rows, ct);
                }
            }
            File.Delete(tablePath);
            return new PostgresResults(timings, psql, version);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server.ConnectionString, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", CancellationToken.None);
        }
    }

    /// <summary>Empties the table, then checkpoints so that neither side is charged for the other's dirty pages.</summary>
    private static async Task EmptyAsync(string connectionString, bool checkpoint, CancellationToken ct)
    {
        await ExecuteAsync(connectionString, "TRUNCATE \"Observations\"", ct);
        if (checkpoint)
        {
            await ExecuteAsync(connectionString, "CHECKPOINT", ct);
        }
    }

    private static async Task<bool> CanCheckpointAsync(string connectionString, CancellationToken ct)
    {
        try
        {
            await ExecuteAsync(connectionString, "CHECKPOINT", ct);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            return false;
        }
    }

    private static async Task CheckCountAsync(string connectionString, int rows, CancellationToken ct)
    {
        var count = await ScalarAsync(connectionString, "SELECT count(*) FROM \"Observations\"", ct);
        if (count != rows.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"The table holds {count} rows, not {rows:N0}.");
        }
    }

    /// <summary>psql run as a person would run it, with the connection string in libpq's keywords.</summary>
    private static async Task<TimeSpan> PsqlCopyAsync(NpgsqlConnectionStringBuilder connection, string path, CancellationToken ct)
    {
        var libpq = string.Join(' ', new[] { ("host", connection.Host), ("port", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("user", connection.Username), ("dbname", connection.Database) }
            .Where(k => !string.IsNullOrEmpty(k.Item2)).Select(k => $"{k.Item1}='{k.Item2!.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}'"));
        var start = new ProcessStartInfo("psql") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { libpq, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", $"\\copy \"Observations\" ({Columns}) FROM '{path.Replace("'", "''", StringComparison.Ordinal)}' WITH (FORMAT csv)" })
        {
            start.ArgumentList.Add(argument);
        }
        if (!string.IsNullOrEmpty(connection.Password))
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("psql could not be started.");
        var error = process.StandardError.ReadToEndAsync(ct);
        var output = process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        clock.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"psql failed ({process.ExitCode}): {await error} {await output}");
        }
        return clock.Elapsed;
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<string> ScalarAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
