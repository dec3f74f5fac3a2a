using System.Globalization;
using CsvHelper;
using ExcelDataReader;

namespace Concordat.Core.Measures.Import;

/// <summary>One row of a spreadsheet or CSV file, numbered as a spreadsheet numbers it (the header is row 1).</summary>
public sealed record TableRow(int Number, string?[] Cells)
{
    public string? Cell(int column) => column >= 0 && column < Cells.Length && !string.IsNullOrWhiteSpace(Cells[column]) ? Cells[column]!.Trim() : null;
}

/// <summary>Reads a CSV or XLSX file as rows of text cells, so that both go through the same layout rules.</summary>
public static class TabularFile
{
    static TabularFile() =>
        // The workbook reader looks up Windows-1252 as its fallback encoding even for .xlsx, which .NET only has with this provider.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    public static bool IsSpreadsheet(string fileName) => Path.GetExtension(fileName).Equals(".xlsx", StringComparison.OrdinalIgnoreCase);

    /// <summary>The rows, header first. Blank rows are skipped but keep their numbers.</summary>
    /// <exception cref="ImportFileException">The file cannot be read as CSV or XLSX.</exception>
    public static IEnumerable<TableRow> Read(Stream stream, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension switch
        {
            ".xlsx" => ReadXlsx(stream),
            ".csv" or ".txt" or "" => ReadCsv(stream),
            ".xls" => throw new ImportFileException("Old Excel files (.xls) cannot be read: save it as .xlsx or .csv and upload that."),
            _ => throw new ImportFileException($"Upload a .csv or .xlsx file; \"{extension}\" files cannot be read."),
        };
    }

    private static bool ReadRow(IExcelDataReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ExcelDataReader.Exceptions.ExcelReaderException or System.Xml.XmlException or FormatException)
        {
            throw new ImportFileException("The workbook is damaged part-way through its first sheet. Open it in a spreadsheet and save it again as .xlsx or .csv.");
        }
    }

    private static void CheckUnzippedSize(Stream stream)
    {
        if (!stream.CanSeek)
        {
            throw new ImportFileException("The workbook could not be read.");
        }
        var start = stream.Position;
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Sum(e => e.Length) > MaxUnzippedBytes)
            {
                throw new ImportFileException($"The workbook unpacks to more than {MaxUnzippedBytes / 1024 / 1024} MB. Save the data as .csv, or split it.");
            }
        }
        catch (InvalidDataException)
        {
            throw new ImportFileException("The file is not a readable .xlsx workbook. Open it in a spreadsheet and save it again as .xlsx or .csv.");
        }
        stream.Position = start;
    }

    private static IEnumerable<TableRow> ReadCsv(Stream stream)
    {
        using var reader = CsvReader.Create(stream, new CsvReaderOptions
        {
            Separator = ',', HasHeader = false, TrimWhitespace = true, TrackLineNumbers = true, PoolStrings = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
        }, leaveOpen: true);
        var cells = new List<string?>(16);
        while (true)
        {
            bool read;
            try
            {
                read = reader.Read();
            }
            catch (CsvFormatException e)
            {
                throw new ImportFileException($"The file is not valid CSV: {e.Message}");
            }
            if (!read)
            {
                yield break;
            }
            cells.Clear();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                cells.Add(reader.GetString(i));
            }
            if (cells.TrueForAll(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            // Bytes that are not UTF-8 are read as U+FFFD: storing that would lose the real letters for good, so the file is
            // refused instead. It is almost always a file saved as "CSV" (Windows-1252) rather than "CSV UTF-8".
            if (cells.Exists(c => c?.Contains('\uFFFD', StringComparison.Ordinal) == true))
            {
                throw new ImportFileException($"Line {reader.LineNumber} has characters that are not UTF-8 text, so they would be lost: the file was probably "
                    + "saved as \"CSV\" (Windows-1252 or Latin-1). Save it as \"CSV UTF-8\" (or .xlsx) and upload it again.");
            }
            yield return new TableRow(checked((int)reader.LineNumber), [.. cells]);
        }
    }

    /// <summary>What an .xlsx may hold once unzipped: a small file can expand a thousandfold, and the reader keeps its strings in memory.</summary>
    public const long MaxUnzippedBytes = 200L * 1024 * 1024;

    private static IEnumerable<TableRow> ReadXlsx(Stream stream)
    {
        CheckUnzippedSize(stream);
        IExcelDataReader reader;
        try
        {
            reader = ExcelReaderFactory.CreateOpenXmlReader(stream, new ExcelReaderConfiguration { LeaveOpen = true });
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ExcelDataReader.Exceptions.ExcelReaderException or System.Xml.XmlException)
        {
            throw new ImportFileException("The file is not a readable .xlsx workbook. Open it in a spreadsheet and save it again as .xlsx or .csv.");
        }
        using (reader)
        {
            var number = 0;
            // Only the first worksheet: exports put their data there, and notes or charts on later sheets.
            while (ReadRow(reader))
            {
                number++;
                var cells = new string?[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = reader.GetValue(i) switch
                    {
                        null => null,
                        DateTime date => DateOnly.FromDateTime(date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        double d => d.ToString("R", CultureInfo.InvariantCulture),
                        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                        var other => other.ToString(),
                    };
                }
                if (Array.TrueForAll(cells, string.IsNullOrWhiteSpace))
                {
                    continue;
                }
                yield return new TableRow(number, cells);
            }
        }
    }
}

/// <summary>The file as a whole cannot be used (unreadable, too big, no recognisable header).</summary>
public sealed class ImportFileException(string message) : Exception(message);
