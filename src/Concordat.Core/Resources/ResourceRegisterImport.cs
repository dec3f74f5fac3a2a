using System.Globalization;
using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.History;
using Concordat.Core.Measures.Import;
using Concordat.Core.Words;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Resources;

/// <summary>
/// Imports one organisation's resource register from CSV, all or nothing: every row is checked first and every
/// problem reported with its row and column. The columns are those of the register's CSV export, so an export
/// can be edited and imported again; the export's calculated columns (organisation, committed, idle) are ignored.
/// </summary>
public sealed class ResourceRegisterImport(ConcordatDb db, TimeProvider clock)
{
    public const int MaxRows = 5000;

    /// <summary>The largest register file taken through the web and the API.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly string[] Columns =
        ["kind", "type", "name", "quantity", "unit", "available", "place", "contact", "notes", "address", "postcode", "opening_hours", "data_owner",
            "data_sharing_agreement", "funding_source", "financial_year", "recurrent"];

    private static readonly string[] Ignored = ["organisation", "committed", "idle"];

    private static readonly string[] Required = ["kind", "type", "name", "quantity", "unit", "available", "contact"];

    /// <summary>Field names of <see cref="SaveResource"/> → the column that holds them, to put each problem in its column.</summary>
    private static readonly Dictionary<string, string> ColumnOf = new(StringComparer.Ordinal)
    {
        ["Kind"] = "kind", ["Type"] = "type", ["Name"] = "name", ["Quantity"] = "quantity", ["Unit"] = "unit", ["AvailableCapacity"] = "available", ["PlaceId"] = "place",
        ["Contact"] = "contact", ["Notes"] = "notes", ["Address"] = "address", ["Postcode"] = "postcode", ["OpeningHours"] = "opening_hours",
        ["DataOwner"] = "data_owner", ["HasDataSharingAgreement"] = "data_sharing_agreement", ["FundingSource"] = "funding_source",
        ["FinancialYear"] = "financial_year", ["IsRecurrent"] = "recurrent",
    };

    public sealed record Result(int Imported, IReadOnlyList<ImportProblem> Problems)
    {
        public bool Succeeded => Problems.Count == 0;
    }

    /// <exception cref="ImportFileException">The file cannot be read, or has no header Concordat knows.</exception>
    public async Task<Result> ImportAsync(Guid organisationId, Stream csv, Actor actor, bool dryRun, CancellationToken ct)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, ct))
        {
            throw new NotFoundException("There is no such organisation in this system.");
        }
        ResourceService.RequireEditor(organisationId, actor);
        // Names that differ only in case are ambiguous in a file; they are left out of the lookup and reported if used.
        var places = (await db.Places.AsNoTracking().ToListAsync(ct)).GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Id, StringComparer.OrdinalIgnoreCase);
        var problems = new List<ImportProblem>();
        var resources = new List<Resource>();
        using var rows = TabularFile.Read(csv, "register.csv").GetEnumerator();
        if (!rows.MoveNext())
        {
            throw new ImportFileException("The file is empty. It needs a header row naming the columns: " + string.Join(",", Columns));
        }
        var header = rows.Current.Cells.Select(c => c?.Trim().ToLowerInvariant().Replace(' ', '_') ?? "").ToArray();
        var index = header.Select((name, i) => (name, i)).Where(c => c.name.Length > 0).GroupBy(c => c.name).ToDictionary(g => g.Key, g => g.First().i);
        foreach (var required in Required.Where(c => !index.ContainsKey(c)))
        {
            problems.Add(new ImportProblem(1, required, "column is missing"));
        }
        foreach (var (name, i) in header.Select((n, i) => (n, i)).Where(c => c.n.Length > 0 && !Columns.Contains(c.n) && !Ignored.Contains(c.n)))
        {
            problems.Add(new ImportProblem(1, ObservationFile.ColumnName(i), $"\"{name}\" is not a column Concordat knows; use {string.Join(", ", Columns)}"));
        }
        if (problems.Count > 0)
        {
            return new Result(0, problems);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        while (rows.MoveNext())
        {
            var row = rows.Current;
            if (resources.Count + problems.Count >= MaxRows)
            {
                throw new ImportFileException($"The file has more than {Prose.Count(MaxRows, "resource")}. Split it into smaller files.");
            }
            string? Cell(string column) => index.TryGetValue(column, out var i) ? row.Cell(i) : null;
            var rowProblems = new List<ImportProblem>();
            double? Number(string column)
            {
                var text = Cell(column);
                if (text is null)
                {
                    return null;
                }
                if (double.TryParse(text.TrimStart('£').Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
                {
                    return n;
                }
                rowProblems.Add(new ImportProblem(row.Number, column, $"\"{text}\" is not a number"));
                return double.NaN;
            }
            bool? YesNo(string column) => Cell(column)?.ToLowerInvariant() switch
            {
                null => null,
                "yes" or "y" or "true" => true,
                "no" or "n" or "false" => false,
                var other => Problem(column, $"\"{other}\" is not yes or no"),
            };
            bool? Problem(string column, string reason)
            {
                rowProblems.Add(new ImportProblem(row.Number, column, reason));
                return null;
            }
            ResourceKind? kind = null;
            if (Cell("kind") is { } kindText)
            {
                kind = Enum.GetValues<ResourceKind>().Cast<ResourceKind?>()
                    .FirstOrDefault(k => k.ToString()!.Equals(kindText.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
                if (kind is null)
                {
                    rowProblems.Add(new ImportProblem(row.Number, "kind", $"\"{kindText}\" is not a kind; use {string.Join(", ", Enum.GetNames<ResourceKind>())}"));
                }
            }
            ResourceType? type = null;
            if (Cell("type") is { } typeText)
            {
                // The export writes the type in words ("registered nursing"); its name (RegisteredNursing) is taken too.
                type = Enum.GetValues<ResourceType>().Cast<ResourceType?>().FirstOrDefault(t =>
                    t!.Value.InWords().Equals(typeText, StringComparison.OrdinalIgnoreCase)
                    || t.Value.ToString().Equals(typeText.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
                if (type is null)
                {
                    var choices = kind is { } k ? ResourceTypes.Of(k) : Enum.GetValues<ResourceType>();
                    rowProblems.Add(new ImportProblem(row.Number, "type", $"\"{typeText}\" is not a type; use {string.Join(", ", choices.Select(t => t.InWords()))}"));
                }
            }
            Guid? placeId = null;
            if (Cell("place") is { } placeName && !placeName.Equals("Across the system", StringComparison.OrdinalIgnoreCase))
            {
                if (places.TryGetValue(placeName, out var id))
                {
                    placeId = id;
                }
                else
                {
                    rowProblems.Add(new ImportProblem(row.Number, "place", $"\"{placeName}\" is not a place of this system; use {string.Join(", ", places.Keys.Order(StringComparer.Ordinal))}, or leave it empty"));
                }
            }
            var input = new SaveResource(organisationId, kind, Cell("name"), Number("quantity"), Cell("unit"), Number("available"), placeId, Cell("contact"))
            {
                Notes = Cell("notes"), Address = Cell("address"), Postcode = Cell("postcode"), OpeningHours = Cell("opening_hours"), DataOwner = Cell("data_owner"),
                HasDataSharingAgreement = YesNo("data_sharing_agreement"), FundingSource = Cell("funding_source"), FinancialYear = Cell("financial_year"),
                IsRecurrent = YesNo("recurrent"), Type = type,
            };
            var errors = ResourceService.Validate(input, out var apply);
            foreach (var (field, messages) in errors.Errors)
            {
                var column = ColumnOf.GetValueOrDefault(field, field);
                // A cell already reported as unreadable keeps that more precise problem.
                if (rowProblems.Any(p => p.Column == column))
                {
                    continue;
                }
                rowProblems.AddRange(messages.Select(m => new ImportProblem(row.Number, column, m)));
            }
            if (rowProblems.Count > 0)
            {
                problems.AddRange(rowProblems);
                continue;
            }
            var resource = new Resource { SystemId = actor.SystemId, OrganisationId = organisationId, PlaceId = placeId, Name = "", Unit = "", Contact = "", CreatedAtUtc = now };
            apply(resource);
            resources.Add(resource);
        }
        if (problems.Count == 0 && resources.Count == 0)
        {
            problems.Add(new ImportProblem(0, "File", "has no resources to import"));
        }
        if (problems.Count > 0 || dryRun)
        {
            return new Result(problems.Count > 0 ? 0 : resources.Count, problems);
        }
        db.Resources.AddRange(resources);
        foreach (var resource in resources)
        {
            db.Audit(actor, now, "ResourceRegistered", ResourceService.EntityType, resource.Id, resource.Name, null, ResourceService.Snapshot(resource));
        }
        await db.SaveChangesAsync(ct);
        return new Result(resources.Count, []);
    }
}
