using Concordat.Core.Data;
using Concordat.Core.Measures.Import;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Areas;

/// <summary>
/// Loads ONS areas from a code list or lookup as the ONS Open Geography Portal publishes them, all or nothing. Each
/// pair of columns named like <c>LAD24CD</c> and <c>LAD24NM</c> gives an area by its code and name; its kind comes from
/// the code (E54 an ICB, E10 a county …). In a lookup (several pairs a row) an area's parent is the area of the
/// next kind up in the same row (a sub-ICB location's ICB, a district's county); a lone <c>PARENTCD</c> column names it
/// instead. Pairs holding only kinds Concordat does not keep (output areas, wards) are left out. Loading the same
/// file again changes nothing.
/// </summary>
public sealed class AreaImport(ConcordatDb db)
{
    public sealed record Result(int Added, int Changed, int Unchanged, IReadOnlyList<string> IgnoredColumns, IReadOnlyList<ImportProblem> Problems)
    {
        public bool Succeeded => Problems.Count == 0;
    }

    private sealed record CodeColumns(string Code, int CodeIndex, string Name, int NameIndex);

    private sealed record FileArea(string Code, string Name, AreaType Type, int Row, CodeColumns Columns)
    {
        public string? ParentCode { get; set; }
    }

    private sealed record Cell(int Row, CodeColumns Columns, string Code, string? Name, AreaType? Type);

    /// <exception cref="ImportFileException">The file cannot be read, or has no code and name columns.</exception>
    public async Task<Result> ImportAsync(Stream stream, string fileName, CancellationToken ct)
    {
        using var rows = TabularFile.Read(stream, fileName).GetEnumerator();
        if (!rows.MoveNext())
        {
            throw new ImportFileException("The file is empty: it needs a header row with code and name columns, like LAD24CD,LAD24NM.");
        }
        var header = rows.Current.Cells.Select(c => (c ?? "").Trim().TrimStart('\uFEFF')).ToArray();
        var pairs = Pairs(header);
        var parentIndex = Array.FindIndex(header, h => h.Equals("PARENTCD", StringComparison.OrdinalIgnoreCase));

        var problems = new List<ImportProblem>();
        var cells = new List<(Cell[] Areas, string? Parent, int Row)>();
        while (rows.MoveNext())
        {
            var row = rows.Current;
            var found = new List<Cell>();
            foreach (var pair in pairs)
            {
                var code = row.Cell(pair.CodeIndex)?.ToUpperInvariant();
                var name = row.Cell(pair.NameIndex);
                if (code is null)
                {
                    if (name is not null)
                    {
                        problems.Add(new ImportProblem(row.Number, pair.Code, $"{name} has no code"));
                    }
                    continue;
                }
                if (!Area.IsValidCode(code))
                {
                    problems.Add(new ImportProblem(row.Number, pair.Code, $"{code} is not an ONS code: E, W, S or N followed by 8 numbers, like E10000003"));
                    continue;
                }
                found.Add(new Cell(row.Number, pair, code, name, AreaTypes.FromCode(code)));
            }
            var parent = row.Cell(parentIndex)?.ToUpperInvariant();
            if (parent is not null && !Area.IsValidCode(parent))
            {
                problems.Add(new ImportProblem(row.Number, header[parentIndex], $"{parent} is not an ONS code: E, W, S or N followed by 8 numbers, like E12000006"));
                parent = null;
            }
            cells.Add(([.. found], parent, row.Number));
        }

        // A pair with no area of a kind Concordat keeps is another geography (output areas, wards): left out, not refused.
        var ignored = pairs.Where(p => !cells.Any(r => r.Areas.Any(a => a.Columns == p && a.Type is not null))).ToHashSet();
        var areas = new Dictionary<string, FileArea>(StringComparer.Ordinal);
        foreach (var (rowAreas, parent, row) in cells)
        {
            var kept = new List<FileArea>();
            foreach (var cell in rowAreas.Where(a => !ignored.Contains(a.Columns)))
            {
                if (cell.Type is not { } type)
                {
                    problems.Add(new ImportProblem(row, cell.Columns.Code, $"{cell.Code} is not a kind of area Concordat keeps: its code must start {AreaTypes.KnownPrefixes}"));
                    continue;
                }
                if (cell.Name is not { } name)
                {
                    problems.Add(new ImportProblem(row, cell.Columns.Name, $"{cell.Code} has no name"));
                    continue;
                }
                if (name.Length > Area.NameMaxLength)
                {
                    problems.Add(new ImportProblem(row, cell.Columns.Name, $"the name of {cell.Code} is longer than {Area.NameMaxLength} characters"));
                    continue;
                }
                kept.Add(new FileArea(cell.Code, name, type, row, cell.Columns));
            }
            foreach (var area in kept)
            {
                var parentCode = parent ?? area.Type.ParentTypes().Select(t => kept.FirstOrDefault(k => k.Type == t)?.Code).FirstOrDefault(c => c is not null);
                Merge(areas, area, parentCode == area.Code ? null : parentCode, problems);
            }
        }
        var ignoredColumns = ignored.SelectMany(p => new[] { p.Code, p.Name }).ToList();
        if (problems.Count > 0)
        {
            return new Result(0, 0, 0, ignoredColumns, [.. problems.OrderBy(p => p.Row)]);
        }

        var existing = await db.Areas.ToDictionaryAsync(a => a.Code, StringComparer.Ordinal, ct);
        int added = 0, changed = 0, unchanged = 0;
        foreach (var area in areas.Values)
        {
            if (!existing.TryGetValue(area.Code, out var stored))
            {
                db.Areas.Add(new Area { Code = area.Code, Name = area.Name, Type = area.Type, ParentCode = area.ParentCode });
                added++;
                continue;
            }
            // A file that does not say an area's parent leaves the one already known.
            var parentCode = area.ParentCode ?? stored.ParentCode;
            if (stored.Name == area.Name && stored.Type == area.Type && stored.ParentCode == parentCode)
            {
                unchanged++;
                continue;
            }
            (stored.Name, stored.Type, stored.ParentCode) = (area.Name, area.Type, parentCode);
            changed++;
        }
        await db.SaveChangesAsync(ct);
        return new Result(added, changed, unchanged, ignoredColumns, []);
    }

    /// <summary>Each header ending CD that has a partner ending NM with the same stem, like LAD24CD and LAD24NM.</summary>
    private static List<CodeColumns> Pairs(string[] header)
    {
        var pairs = new List<CodeColumns>();
        for (var i = 0; i < header.Length; i++)
        {
            if (!header[i].EndsWith("CD", StringComparison.OrdinalIgnoreCase) || header[i].Equals("PARENTCD", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var stem = header[i][..^2];
            var name = Array.FindIndex(header, h => h.Equals(stem + "NM", StringComparison.OrdinalIgnoreCase));
            if (name >= 0)
            {
                pairs.Add(new CodeColumns(header[i], i, header[name], name));
            }
        }
        return pairs.Count > 0 ? pairs
            : throw new ImportFileException("The file has no code and name columns: its header needs a pair named like LAD24CD and LAD24NM, or ICB23CD and ICB23NM.");
    }

    /// <summary>An area met again further down (a lookup repeats an ICB on each of its rows) must say the same of it.</summary>
    private static void Merge(Dictionary<string, FileArea> areas, FileArea area, string? parentCode, List<ImportProblem> problems)
    {
        if (!areas.TryGetValue(area.Code, out var first))
        {
            area.ParentCode = parentCode;
            areas[area.Code] = area;
            return;
        }
        if (first.Name != area.Name)
        {
            problems.Add(new ImportProblem(area.Row, area.Columns.Name, $"{area.Code} is called {area.Name} here but {first.Name} on row {first.Row}"));
        }
        else if (parentCode is not null && first.ParentCode is not null && first.ParentCode != parentCode)
        {
            problems.Add(new ImportProblem(area.Row, area.Columns.Code, $"{area.Code} lies in {parentCode} here but in {first.ParentCode} on row {first.Row}"));
        }
        else
        {
            first.ParentCode ??= parentCode;
        }
    }
}
