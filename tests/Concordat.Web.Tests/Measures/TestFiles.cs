using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Concordat.Web.Tests.Measures;

/// <summary>Files for import tests: real A&amp;E data as CSV, and minimal but genuine XLSX workbooks.</summary>
internal static class TestFiles
{
    /// <summary>
    /// One trust's type 1 four-hour performance from NHS England's published A&amp;E data (April 2016 – March 2019):
    /// period, percentage seen within four hours, those seen within four hours, and attendances.
    /// </summary>
    public static IReadOnlyList<(DateOnly Period, double Percent, int Within, int Attendances)> FourHourPerformance(string orgCode)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "ae_attendances.csv");
        return File.ReadLines(path).Skip(1)
            .Select(line => line.Replace("\"", "", StringComparison.Ordinal).Split(','))
            .Where(f => f[1] == orgCode && f[2] == "1")
            .Select(f =>
            {
                var (attendances, breaches) = (int.Parse(f[3], CultureInfo.InvariantCulture), int.Parse(f[4], CultureInfo.InvariantCulture));
                return (DateOnly.ParseExact(f[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), Math.Round(100.0 * (attendances - breaches) / attendances, 2),
                    attendances - breaches, attendances);
            })
            .OrderBy(r => r.Item1).ToList();
    }

    public static string SimpleCsv(IEnumerable<(DateOnly Period, double Percent, int Within, int Attendances)> rows) =>
        "period,value,count,denominator\n" + string.Concat(rows.Select(r =>
            FormattableString.Invariant($"{r.Period:yyyy-MM-dd},{r.Percent},{r.Within},{r.Attendances}\n")));

    /// <summary>A one-sheet workbook; numbers are stored as numbers and text as inline strings, as spreadsheet programs allow.</summary>
    public static byte[] Xlsx(IEnumerable<object?[]> rows)
    {
        var sheet = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        var r = 0;
        foreach (var row in rows)
        {
            r++;
            sheet.Append(CultureInfo.InvariantCulture, $"<row r=\"{r}\">");
            for (var c = 0; c < row.Length; c++)
            {
                var reference = $"{(char)('A' + c)}{r}";
                switch (row[c])
                {
                    case null:
                        break;
                    case double or int:
                        sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"><v>{Convert.ToString(row[c], CultureInfo.InvariantCulture)}</v></c>");
                        break;
                    default:
                        sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(row[c]!.ToString())}</t></is></c>");
                        break;
                }
            }
            sheet.Append("</row>");
        }
        sheet.Append("</sheetData></worksheet>");
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string content)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
            Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            Add("xl/worksheets/sheet1.xml", sheet.ToString());
        }
        return buffer.ToArray();
    }

    public const string FingertipsHeader =
        "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value," +
        "Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend," +
        "Compared to England value or percentiles,Compared to ICB value or percentiles,Time period Sortable,New data,Compared to goal,Time period range";

    public static string FingertipsRow(string indicator, string area, string period, string value, string lower, string upper, string count, string denominator,
        string category = "", string note = "") =>
        $"{indicator},Indicator {indicator},E92000001,England,{area},Area {area},ICBs,Persons,All ages,{category},,{period},{value},{lower},{upper},,,{count},{denominator},{note},,,,,,,1y\n";
}
