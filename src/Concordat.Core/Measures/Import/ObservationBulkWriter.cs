using System.Data.Common;
using System.Globalization;
using Concordat.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Concordat.Core.Measures.Import;

/// <summary>
/// Writes many observations in the current transaction by each database's fast path: one prepared upsert reused
/// for every row on SQLite, binary COPY on PostgreSQL. EF Core's change tracker would spend most of its time on
/// bookkeeping for rows it never reads again.
/// </summary>
internal static class ObservationBulkWriter
{
    private const int ProgressEvery = 10_000;

    private const string Columns = "\"Id\", \"SystemId\", \"MeasureId\", \"PeriodStart\", \"Value\", \"Count\", \"Denominator\", \"LowerCi\", \"UpperCi\", \"Note\", \"RecordedAtUtc\", \"RecordedByName\"";

    private const string OnConflictUpdate = """
        ON CONFLICT ("MeasureId", "PeriodStart") DO UPDATE SET "Value" = excluded."Value", "Count" = excluded."Count",
            "Denominator" = excluded."Denominator", "LowerCi" = excluded."LowerCi", "UpperCi" = excluded."UpperCi", "Note" = excluded."Note",
            "RecordedAtUtc" = excluded."RecordedAtUtc", "RecordedByName" = excluded."RecordedByName"
        """;

    public static async Task WriteAsync(ConcordatDb db, Guid systemId, IReadOnlyList<PlannedRow> rows, DateTime now, string recordedBy, bool anyStored,
        IProgress<int>? progress, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("Bulk writes need a transaction.");
        if (db.Database.IsNpgsql())
        {
            await CopyAsync((NpgsqlConnection)transaction.Connection!, systemId, rows, now, recordedBy, anyStored, progress, ct);
        }
        else
        {
            await UpsertAsync((SqliteConnection)transaction.Connection!, (SqliteTransaction)transaction, systemId, rows, now, recordedBy, progress, ct);
        }
    }

    private static async Task UpsertAsync(SqliteConnection connection, SqliteTransaction transaction, Guid systemId, IReadOnlyList<PlannedRow> rows, DateTime now,
        string recordedBy, IProgress<int>? progress, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"Observations\" ({Columns}) VALUES ($id, $system, $measure, $period, $value, $count, $denominator, $lower, $upper, $note, $at, $by) {OnConflictUpdate}";
        SqliteParameter Parameter(string name) => command.Parameters.Add(new SqliteParameter(name, null));
        var (id, system, measure, period, value, count, denominator, lower, upper, note, at, by) = (Parameter("$id"), Parameter("$system"), Parameter("$measure"),
            Parameter("$period"), Parameter("$value"), Parameter("$count"), Parameter("$denominator"), Parameter("$lower"), Parameter("$upper"), Parameter("$note"),
            Parameter("$at"), Parameter("$by"));
        // The formats EF Core's SQLite provider stores: upper-case GUID text, ISO dates, and ticks-precise timestamps.
        system.Value = Text(systemId);
        at.Value = now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        by.Value = recordedBy;
        command.Prepare();
        var measureText = (Guid: Guid.Empty, Text: "");
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, measureId) = (rows[i].Row, rows[i].MeasureId);
            if (measureId != measureText.Guid)
            {
                measureText = (measureId, Text(measureId));
            }
            id.Value = Text(Guid.CreateVersion7());
            measure.Value = measureText.Text;
            period.Value = row.Period.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            value.Value = row.Value;
            count.Value = (object?)row.Count ?? DBNull.Value;
            denominator.Value = (object?)row.Denominator ?? DBNull.Value;
            lower.Value = (object?)row.LowerCi ?? DBNull.Value;
            upper.Value = (object?)row.UpperCi ?? DBNull.Value;
            note.Value = (object?)row.Note ?? DBNull.Value;
            // The SQLite driver works synchronously anyway; its async path only adds a task per row.
            command.ExecuteNonQuery();
            if ((i + 1) % ProgressEvery == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
            Report(progress, i + 1, rows.Count);
        }
    }

    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    /// <summary>
    /// New rows are copied straight into the table. When some periods are already stored, the rows go to a temporary
    /// table first and one upsert moves them, because COPY itself cannot update.
    /// </summary>
    private static async Task CopyAsync(NpgsqlConnection connection, Guid systemId, IReadOnlyList<PlannedRow> rows, DateTime now, string recordedBy, bool anyStored,
        IProgress<int>? progress, CancellationToken ct)
    {
        var table = "\"Observations\"";
        if (anyStored)
        {
            table = "observation_import";
            await using var create = new NpgsqlCommand("CREATE TEMPORARY TABLE observation_import (LIKE \"Observations\" INCLUDING DEFAULTS) ON COMMIT DROP", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
        await using (var importer = await connection.BeginBinaryImportAsync($"COPY {table} ({Columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i].Row;
                await importer.StartRowAsync(ct);
                await importer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, ct);
                await importer.WriteAsync(systemId, NpgsqlDbType.Uuid, ct);
                await importer.WriteAsync(rows[i].MeasureId, NpgsqlDbType.Uuid, ct);
                await importer.WriteAsync(row.Period, NpgsqlDbType.Date, ct);
                await importer.WriteAsync(row.Value, NpgsqlDbType.Double, ct);
                await WriteAsync(importer, row.Count, ct);
                await WriteAsync(importer, row.Denominator, ct);
                await WriteAsync(importer, row.LowerCi, ct);
                await WriteAsync(importer, row.UpperCi, ct);
                if (row.Note is null)
                {
                    await importer.WriteNullAsync(ct);
                }
                else
                {
                    await importer.WriteAsync(row.Note, NpgsqlDbType.Varchar, ct);
                }
                await importer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                await importer.WriteAsync(recordedBy, NpgsqlDbType.Varchar, ct);
                Report(progress, i + 1, rows.Count);
            }
            await importer.CompleteAsync(ct);
        }
        if (anyStored)
        {
            await using var move = new NpgsqlCommand($"INSERT INTO \"Observations\" ({Columns}) SELECT {Columns} FROM observation_import {OnConflictUpdate}", connection);
            move.CommandTimeout = 0;
            await move.ExecuteNonQueryAsync(ct);
        }
    }

    private static async ValueTask WriteAsync(NpgsqlBinaryImporter importer, double? value, CancellationToken ct)
    {
        if (value is { } v)
        {
            await importer.WriteAsync(v, NpgsqlDbType.Double, ct);
        }
        else
        {
            await importer.WriteNullAsync(ct);
        }
    }

    private static void Report(IProgress<int>? progress, int done, int total)
    {
        if (progress is not null && (done % ProgressEvery == 0 || done == total))
        {
            progress.Report(done);
        }
    }
}
