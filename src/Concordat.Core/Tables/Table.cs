using System.Globalization;
using System.Text;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace Concordat.Core.Tables;

/// <summary>
/// Rows to take away as a CSV file or an XLSX workbook, written the same way wherever they are downloaded or
/// exported from. Cells are typed: numbers stay numbers and dates stay dates in a workbook, and both are written
/// in invariant ISO form in CSV, because these files are data for other programs rather than prose.
/// </summary>
public sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public const string CsvMediaType = "text/csv; charset=utf-8";
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>RFC 4180 CSV, UTF-8 with a byte order mark so that spreadsheet programs read £ and m² correctly.</summary>
    public byte[] ToCsv()
    {
        var csv = new StringBuilder();
        AppendCsv(csv, Header);
        foreach (var row in Rows)
        {
            AppendCsv(csv, row);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static void AppendCsv(StringBuilder csv, IEnumerable<object?> cells)
    {
        csv.AppendJoin(',', cells.Select(CsvCell)).Append("\r\n");
    }

    private static string CsvCell(object? value)
    {
        var text = value switch
        {
            null => "",
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            decimal m => m.ToString(CultureInfo.InvariantCulture),
            bool b => b ? "yes" : "no",
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime time => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        // Quote what needs it; a leading = + - @ would be read as a formula by spreadsheet programs, so it is prefixed.
        if (text.Length > 0 && text[0] is '=' or '+' or '@' or '\t' or '\r' || (text.Length > 1 && text[0] == '-' && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            text = "'" + text;
        }
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>
    /// A one-sheet workbook with the header in bold and frozen. Numbers are number cells, dates are date cells
    /// (times are UTC), yes and no are words as in the CSV, and text is text: a workbook never evaluates a text
    /// cell, so nothing needs the CSV's formula guard.
    /// </summary>
    public async Task WriteXlsxAsync(Stream output, string sheetName, CancellationToken ct)
    {
        var options = new SpreadCheetahOptions { DefaultDateTimeFormat = NumberFormat.Custom("yyyy-mm-dd") };
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(output, options, ct);
        await spreadsheet.StartWorksheetAsync(sheetName, new WorksheetOptions { FrozenRows = 1 }, ct);
        var bold = spreadsheet.AddStyle(new Style { Font = { Bold = true } });
        var time = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd hh:mm") });
        await spreadsheet.AddRowAsync(Header.Select(h => new Cell(h, bold)).ToArray(), ct);
        foreach (var row in Rows)
        {
            await spreadsheet.AddRowAsync(row.Select(value => XlsxCell(value, time)).ToArray(), ct);
        }
        await spreadsheet.FinishAsync(ct);
    }

    public async Task<byte[]> ToXlsxAsync(string sheetName, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await WriteXlsxAsync(buffer, sheetName, ct);
        return buffer.ToArray();
    }

    private static Cell XlsxCell(object? value, StyleId time) => value switch
    {
        null => new Cell(),
        double d => new Cell(d),
        decimal m => new Cell(m),
        int i => new Cell(i),
        long l => new Cell(l),
        bool b => new Cell(b ? "yes" : "no"),
        DateOnly date => new Cell(date.ToDateTime(TimeOnly.MinValue)),
        DateTime dateTime => new Cell(dateTime, time),
        IFormattable f => new Cell(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => new Cell(value.ToString()),
    };
}
