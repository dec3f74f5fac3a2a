using Concordat.Core.Tables;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages;

/// <summary>A table as a CSV download (see <see cref="Table.ToCsv"/> for how cells are written).</summary>
public static class CsvDownload
{
    public static FileContentResult File(string fileName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows) =>
        File(fileName, new Table(header, [.. rows]));

    public static FileContentResult File(string fileName, Table table) =>
        new(table.ToCsv(), Table.CsvMediaType) { FileDownloadName = fileName };
}
