using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.History;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Strategy;

/// <summary>A document the strategy relates to, as the convenor gives it.</summary>
public sealed record SaveRelatedDocument(RelatedDocumentKind? Kind, string? Title, string? Url);

/// <summary>The strategy's own words as the convenor writes them; Markdown in each section, documents in the order given.</summary>
public sealed record SaveNarrative(string? Vision, string? Principles, string? Context, string? EnablingStrategies, IReadOnlyList<SaveRelatedDocument>? Documents);

/// <summary>The strategy's own words as stored; <see cref="Version"/> is null until a convenor first writes them.</summary>
public sealed record NarrativeView(string? Vision, string? Principles, string? Context, string? EnablingStrategies, IReadOnlyList<RelatedDocument> Documents,
    Guid? Version)
{
    public bool IsEmpty => Vision is null && Principles is null && Context is null && EnablingStrategies is null && Documents.Count == 0;
}

/// <summary>Convenors write the parts of the strategy that are not goals; everyone in the system reads them.</summary>
public sealed class StrategyNarrativeService(ConcordatDb db, TimeProvider clock)
{
    public const string EntityName = "The strategy's own words";

    public async Task<NarrativeView> GetAsync(CancellationToken ct)
    {
        var narrative = await db.StrategyNarratives.AsNoTracking().Include(n => n.Documents).SingleOrDefaultAsync(ct);
        return narrative is null
            ? new NarrativeView(null, null, null, null, [], null)
            : new NarrativeView(narrative.Vision, narrative.Principles, narrative.Context, narrative.EnablingStrategies,
                [.. narrative.Documents.OrderBy(d => d.Position)], narrative.Version);
    }

    /// <summary>
    /// Writes or rewrites the narrative (convenors only). Rewriting needs the version read, so two convenors never
    /// overwrite each other unseen; the first writing needs none, and two first writings at once make one narrative.
    /// </summary>
    public async Task<StrategyNarrative> SaveAsync(SaveNarrative input, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        actor.RequireConvenor("write the strategy's own words");
        var valid = Validate(input);
        var narrative = await db.StrategyNarratives.Include(n => n.Documents).SingleOrDefaultAsync(ct);
        var before = narrative?.Snapshot();
        if (narrative is null)
        {
            narrative = new StrategyNarrative { SystemId = actor.SystemId };
            db.StrategyNarratives.Add(narrative);
        }
        else
        {
            if (!narrative.Version.Matches(expectedVersion, "strategy's own words"))
            {
                throw new EditConflictException(EntityName, narrative.Version, before!);
            }
            db.Entry(narrative).Property(n => n.Version).OriginalValue = narrative.Version;
        }
        Apply(narrative, valid);
        var after = narrative.Snapshot();
        if (before is not null && before.SequenceEqual(after))
        {
            return narrative;
        }
        // Changing only the documents leaves the narrative's row untouched; its version must still move on.
        if (before is not null)
        {
            db.Entry(narrative).State = EntityState.Modified;
        }
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "StrategyNarrativeChanged", StrategyVersionService.EntityType, narrative.Id, EntityName, before, after);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            var current = await db.StrategyNarratives.AsNoTracking().Include(n => n.Documents).SingleAsync(ct);
            throw new EditConflictException(EntityName, current.Version, current.Snapshot());
        }
        return narrative;
    }

    private void Apply(StrategyNarrative narrative, SaveNarrative valid)
    {
        narrative.Vision = valid.Vision;
        narrative.Principles = valid.Principles;
        narrative.Context = valid.Context;
        narrative.EnablingStrategies = valid.EnablingStrategies;
        var documents = valid.Documents!;
        var same = narrative.Documents.Count == documents.Count && narrative.Documents.OrderBy(d => d.Position).Zip(documents)
            .All(p => p.First.Kind == p.Second.Kind && p.First.Title == p.Second.Title && p.First.Url == p.Second.Url);
        if (same)
        {
            return;
        }
        db.RemoveRange(narrative.Documents);
        narrative.Documents.Clear();
        narrative.Documents.AddRange(documents.Select((d, i) => new RelatedDocument
        {
            SystemId = narrative.SystemId, NarrativeId = narrative.Id, Position = i, Kind = d.Kind!.Value, Title = d.Title!, Url = d.Url!,
        }));
    }

    /// <summary>Checks every section and document and reports every problem at once; returns the sections sanitised and the input trimmed.</summary>
    private static SaveNarrative Validate(SaveNarrative input)
    {
        var errors = new InputErrors();
        string? Section(string field, string label, string? text) =>
            MarkdownText.Sanitise(errors.OptionalText(field, label, text, StrategyNarrative.SectionMaxLength)) is { Length: > 0 } clean ? clean : null;
        var vision = Section(nameof(input.Vision), "Vision", input.Vision);
        var principles = Section(nameof(input.Principles), "Principles", input.Principles);
        var context = Section(nameof(input.Context), "Context", input.Context);
        var enabling = Section(nameof(input.EnablingStrategies), "Enabling strategies", input.EnablingStrategies);
        var documents = new List<SaveRelatedDocument>();
        var given = input.Documents ?? [];
        if (given.Count > StrategyNarrative.MaxDocuments)
        {
            errors.Add(nameof(input.Documents), $"Link to {StrategyNarrative.MaxDocuments} documents or fewer");
        }
        for (var i = 0; i < given.Count; i++)
        {
            var d = given[i] ?? new SaveRelatedDocument(null, null, null);
            var field = $"{nameof(input.Documents)}[{i}]";
            if (d.Kind is not { } kind || !Enum.IsDefined(kind))
            {
                errors.Add($"{field}.{nameof(d.Kind)}", "Select what kind of document it is");
            }
            var title = errors.RequiredText($"{field}.{nameof(d.Title)}", "Document title", d.Title, RelatedDocument.TitleMaxLength, "Enter the document's title");
            var url = errors.RequiredText($"{field}.{nameof(d.Url)}", "Address", d.Url, RelatedDocument.UrlMaxLength, "Enter the address where the document is published");
            if (url.Length > 0 && !IsWebAddress(url))
            {
                errors.Add($"{field}.{nameof(d.Url)}", "Enter the document's full address, starting https:// or http://, like https://example.org/joint-forward-plan");
            }
            documents.Add(new SaveRelatedDocument(d.Kind, title, url));
        }
        errors.ThrowIfAny();
        return new SaveNarrative(vision, principles, context, enabling, documents);
    }

    private static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(uri.Host) && string.IsNullOrEmpty(uri.UserInfo);
}
