using System.Text.Json;
using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.History;
using Concordat.Core.Partnerships;
using Concordat.Core.Words;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Strategy;

/// <summary>
/// A published version of the strategy: the generated document as it stood, with who published it and why. Published
/// versions never change; <see cref="ConcordatDb"/> refuses to save any change to one.
/// </summary>
public sealed class StrategyVersion : ITenantOwned
{
    public const int NoteMaxLength = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public int Number { get; init; }
    public DateTime PublishedAtUtc { get; init; }
    public required string PublishedByName { get; init; }

    /// <summary>Why this version, like "approved by the ICP on 12 March".</summary>
    public required string Note { get; init; }
    public required string DocumentJson { get; init; }
    public int ChecksPassed { get; init; }
    public int Checks { get; init; }

    /// <summary>The governance forum that agreed this version, if the publisher named one.</summary>
    public Guid? AgreedByForumId { get; init; }

    /// <summary>The day that forum agreed it.</summary>
    public DateOnly? AgreedOn { get; init; }

    public StrategyDocument Document() => JsonSerializer.Deserialize<StrategyDocument>(DocumentJson, JsonSerializerOptions.Web)
        ?? throw new InvalidOperationException("A published version has no document.");
}

internal sealed class StrategyVersionConfiguration : IEntityTypeConfiguration<StrategyVersion>
{
    public void Configure(EntityTypeBuilder<StrategyVersion> builder)
    {
        builder.Property(v => v.PublishedByName).HasMaxLength(200);
        builder.Property(v => v.Note).HasMaxLength(StrategyVersion.NoteMaxLength);
        builder.HasOne<CareSystem>().WithMany().HasForeignKey(v => v.SystemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.SystemId, v.Number }).IsUnique();
        builder.HasOne<GovernanceForum>().WithMany().HasForeignKey(v => v.AgreedByForumId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>What a convenor gives to publish: why, and optionally the forum that agreed the version and when.</summary>
public sealed record PublishVersion(string? Note, Guid? AgreedByForumId = null, DateOnly? AgreedOn = null);

/// <summary>A published version without its document: what lists and the health check's trend need.</summary>
public sealed record VersionSummary(int Number, DateTime PublishedAtUtc, string PublishedBy, string Note, int ChecksPassed, int Checks,
    Guid? AgreedByForumId = null, string? AgreedBy = null, DateOnly? AgreedOn = null)
{
    /// <summary>"agreed by the Northshire Integrated Care Partnership on 14 December 2022", or null when no forum was named.</summary>
    public string? Agreement => AgreedBy is not null && AgreedOn is { } on ? $"agreed by {AgreedBy} on {Prose.Date(on)}" : null;
}

/// <summary>What the public may see: the latest published version, without who published it.</summary>
public sealed record PublicStrategy(string SystemName, int Number, DateTime PublishedAtUtc, string Note, StrategyDocument Document);

public sealed class StrategyVersionService(ConcordatDb db, StrategyDocumentService documents, TimeProvider clock)
{
    public const string EntityType = "Strategy";

    /// <summary>The published versions, newest first, without their documents.</summary>
    public async Task<IReadOnlyList<VersionSummary>> ListAsync(CancellationToken ct) =>
        await SummariesAsync(db.StrategyVersions.AsNoTracking(), ct);

    /// <summary>One published version without its document, with the forum that agreed it.</summary>
    public async Task<VersionSummary> SummaryAsync(int number, CancellationToken ct) =>
        (await SummariesAsync(db.StrategyVersions.AsNoTracking().Where(v => v.Number == number), ct)).SingleOrDefault()
            ?? throw new NotFoundException($"There is no version {number} of the strategy.");

    /// <summary>The versions newest first, each with the name of the forum that agreed it; one query.</summary>
    private async Task<IReadOnlyList<VersionSummary>> SummariesAsync(IQueryable<StrategyVersion> versions, CancellationToken ct)
    {
        var rows = await (
            from v in versions
            join f in db.Forums on v.AgreedByForumId equals f.Id into forums
            from f in forums.DefaultIfEmpty()
            orderby v.Number descending
            select new { v.Number, v.PublishedAtUtc, v.PublishedByName, v.Note, v.ChecksPassed, v.Checks, v.AgreedByForumId, Forum = f == null ? null : f.Name, v.AgreedOn })
            .ToListAsync(ct);
        return [.. rows.Select(r => new VersionSummary(r.Number, r.PublishedAtUtc, r.PublishedByName, r.Note, r.ChecksPassed, r.Checks, r.AgreedByForumId, r.Forum, r.AgreedOn))];
    }

    public async Task<StrategyVersion> GetAsync(int number, CancellationToken ct) =>
        await db.StrategyVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Number == number, ct) ?? throw new NotFoundException($"There is no version {number} of the strategy.");

    /// <summary>
    /// What changed from one published version (the latest when <paramref name="from"/> is null) to another, or to the
    /// live strategy when <paramref name="to"/> is null.
    /// </summary>
    public async Task<StrategyComparison> CompareAsync(int? from, int? to, CancellationToken ct)
    {
        var first = from ?? await db.StrategyVersions.MaxAsync(v => (int?)v.Number, ct)
            ?? throw new NotFoundException("No version of the strategy has been published yet, so there is nothing to compare with.");
        var before = await GetAsync(first, ct);
        if (to is { } number)
        {
            var after = await GetAsync(number, ct);
            return StrategyComparison.Between(Label(before), before.Document(), Label(after), after.Document());
        }
        return StrategyComparison.Between(Label(before), before.Document(), "today", await documents.BuildAsync(ct));
    }

    private static string Label(StrategyVersion v) =>
        $"Version {v.Number} ({Prose.Date(v.PublishedAtUtc)})";

    public async Task<bool> IsPublicAsync(CancellationToken ct) =>
        await db.Systems.Where(s => s.Id == db.Tenant.SystemId).Select(s => s.StrategyIsPublic).SingleAsync(ct);

    /// <summary>Makes the latest published version readable by anyone without signing in, or stops that at once (convenors only).</summary>
    public async Task SetPublicAsync(bool isPublic, Actor actor, CancellationToken ct)
    {
        actor.RequireConvenor(isPublic ? "make the strategy public" : "stop the strategy being public");
        var system = await db.Systems.SingleAsync(s => s.Id == actor.SystemId, ct);
        if (system.StrategyIsPublic == isPublic)
        {
            return;
        }
        system.StrategyIsPublic = isPublic;
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, isPublic ? "StrategyMadePublic" : "StrategyMadePrivate", EntityType, system.Id, system.Name,
            new SortedDictionary<string, string?> { ["Public"] = Prose.YesNo(!isPublic) }, new SortedDictionary<string, string?> { ["Public"] = Prose.YesNo(isPublic) });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The latest published version of a system whose strategy is public, for anyone, signed in or not. Null when the
    /// system does not exist, is not public, or has published nothing: the caller cannot tell these apart.
    /// </summary>
    public async Task<PublicStrategy?> PublicAsync(Guid systemId, CancellationToken ct)
    {
        var system = await db.Systems.AsNoTracking().Where(s => s.Id == systemId && s.StrategyIsPublic).Select(s => new { s.Name }).SingleOrDefaultAsync(ct);
        if (system is null)
        {
            return null;
        }
        // There is no signed-in member here, so no current system: the tenant filter is set aside for this one system's rows.
        var latest = await db.StrategyVersions.IgnoreQueryFilters().AsNoTracking().Where(v => v.SystemId == systemId)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        return latest is null ? null : new PublicStrategy(system.Name, latest.Number, latest.PublishedAtUtc, latest.Note, latest.Document());
    }

    /// <summary>Publishes the strategy as it stands now (convenors only).</summary>
    public async Task<StrategyVersion> PublishAsync(PublishVersion input, Actor actor, CancellationToken ct)
    {
        actor.RequireConvenor("publish a version of the strategy");
        var errors = new InputErrors();
        var note = errors.OptionalText(nameof(input.Note), "Note", input.Note, StrategyVersion.NoteMaxLength);
        if (note is null)
        {
            errors.Add(nameof(input.Note), "Say why this version is published, like \"approved by the ICP on 12 March\"");
        }
        var forum = await GovernanceForumService.CheckTakenAtAsync(db, errors, new TakenAt(input.AgreedByForumId, input.AgreedOn), UkCalendar.Today(clock), ct,
            nameof(input.AgreedByForumId), nameof(input.AgreedOn));
        errors.ThrowIfAny();
        var document = await documents.BuildAsync(ct);
        var number = (await db.StrategyVersions.MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
        var version = new StrategyVersion
        {
            SystemId = actor.SystemId, Number = number, PublishedAtUtc = clock.GetUtcNow().UtcDateTime, PublishedByName = actor.DisplayName, Note = note!,
            DocumentJson = JsonSerializer.Serialize(document, JsonSerializerOptions.Web), ChecksPassed = document.Goals.Sum(g => g.ChecksPassed), Checks = document.Goals.Sum(g => g.Checks),
            AgreedByForumId = forum is null ? null : input.AgreedByForumId, AgreedOn = forum is null ? null : input.AgreedOn,
        };
        db.StrategyVersions.Add(version);
        db.Audit(actor, version.PublishedAtUtc, "StrategyPublished", EntityType, version.Id, $"Version {number}", null,
            new SortedDictionary<string, string?>
            {
                ["Note"] = note, ["Goals"] = document.Goals.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Agreed by"] = forum is null ? null : $"{forum} on {Prose.Date(input.AgreedOn!.Value)}",
            });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw new EditConflictException("The strategy", Guid.Empty, new Dictionary<string, string?>());
        }
        return version;
    }
}
