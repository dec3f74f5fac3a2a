using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.History;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Partnerships;

/// <summary>The fields a convenor sets on a forum.</summary>
public sealed record SaveForum(string? Name, ForumKind? Kind, Guid? PlaceId, IReadOnlyList<Guid> MemberOrganisationIds, string? TermsOfReference,
    string? TermsOfReferenceUrl);

/// <summary>A forum with its place's and members' names.</summary>
public sealed record ForumDetail(GovernanceForum Forum, string? Place, IReadOnlyList<Organisation> Members, int Decisions);

/// <summary>Where and when a decision was taken: the forum's id, and the day, both optional together.</summary>
public sealed record TakenAt(Guid? ForumId, DateOnly? On);

/// <summary>Convenors keep the system's governance forums; everyone in the system reads them.</summary>
public sealed class GovernanceForumService(ConcordatDb db, TimeProvider clock)
{
    public const string EntityType = "Forum";

    public async Task<IReadOnlyList<ForumDetail>> ListAsync(CancellationToken ct)
    {
        var forums = await db.Forums.AsNoTracking().Include(f => f.Members).OrderBy(f => f.Name).ThenBy(f => f.Id).ToListAsync(ct);
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, ct);
        var places = await db.Places.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var decisions = await DecisionCountsAsync(ct);
        return [.. forums.Select(f => Detail(f, organisations, places, decisions))];
    }

    public async Task<ForumDetail> GetAsync(Guid id, CancellationToken ct)
    {
        var forum = await db.Forums.AsNoTracking().Include(f => f.Members).SingleOrDefaultAsync(f => f.Id == id, ct)
            ?? throw new NotFoundException("There is no such forum in this system.");
        var memberIds = forum.Members.Select(m => m.OrganisationId).ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => memberIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var place = forum.PlaceId is { } placeId ? await db.Places.Where(p => p.Id == placeId).Select(p => p.Name).SingleAsync(ct) : null;
        var decisions = await db.AgreementRounds.CountAsync(r => r.DecidedByForumId == id, ct)
            + await db.StrategyVersions.CountAsync(v => v.AgreedByForumId == id, ct);
        return new ForumDetail(forum, place, [.. memberIds.Select(m => organisations[m]).OrderBy(o => o.Name, StringComparer.Ordinal)], decisions);
    }

    public async Task<GovernanceForum> CreateAsync(SaveForum input, Actor actor, CancellationToken ct)
    {
        actor.RequireConvenor("add governance forums");
        var valid = await ValidateAsync(input, existingId: null, null, ct);
        var forum = new GovernanceForum { SystemId = actor.SystemId, Name = valid.Name!, Kind = valid.Kind!.Value };
        Apply(forum, valid);
        db.Forums.Add(forum);
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "ForumAdded", EntityType, forum.Id, forum.Name, null, await SnapshotAsync(forum, ct));
        await SaveAsync(ct);
        return forum;
    }

    public async Task<GovernanceForum> UpdateAsync(Guid id, SaveForum input, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        var forum = await db.Forums.Include(f => f.Members).SingleOrDefaultAsync(f => f.Id == id, ct)
            ?? throw new NotFoundException("There is no such forum in this system.");
        actor.RequireConvenor("change governance forums");
        if (!forum.Version.Matches(expectedVersion, "forum"))
        {
            throw new EditConflictException(forum.Name, forum.Version, await SnapshotAsync(forum, ct));
        }
        var valid = await ValidateAsync(input, existingId: id, forum.PlaceId, ct);
        var before = await SnapshotAsync(forum, ct);
        db.Entry(forum).Property(f => f.Version).OriginalValue = forum.Version;
        Apply(forum, valid);
        var after = await SnapshotAsync(forum, ct);
        if (before.SequenceEqual(after))
        {
            return forum;
        }
        // Changing only the members leaves the forum's row untouched; the version must still move on.
        db.Entry(forum).State = EntityState.Modified;
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "ForumUpdated", EntityType, id, forum.Name, before, after);
        try
        {
            await SaveAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Forums.AsNoTracking().Include(f => f.Members).SingleAsync(f => f.Id == id, ct);
            throw new EditConflictException(current.Name, current.Version, await SnapshotAsync(current, ct));
        }
        return forum;
    }

    /// <summary>
    /// Removes a forum no decision names and that owns no goal; one that took decisions stays, so the record of where
    /// they were taken does.
    /// </summary>
    public async Task RemoveAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var forum = await db.Forums.Include(f => f.Members).SingleOrDefaultAsync(f => f.Id == id, ct)
            ?? throw new NotFoundException("There is no such forum in this system.");
        actor.RequireConvenor("remove governance forums");
        if (await db.AgreementRounds.AnyAsync(r => r.DecidedByForumId == id, ct) || await db.StrategyVersions.AnyAsync(v => v.AgreedByForumId == id, ct))
        {
            throw new InputInvalidException(nameof(SaveForum.Name), $"{forum.Name} is recorded as where decisions were taken, so it stays");
        }
        if (await db.Goals.AnyAsync(g => g.OwningForumId == id, ct))
        {
            throw new InputInvalidException(nameof(SaveForum.Name), $"{forum.Name} owns a shared goal: name another owner for the goal first");
        }
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "ForumRemoved", EntityType, id, forum.Name, await SnapshotAsync(forum, ct), null);
        db.Forums.Remove(forum);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Checks where and when a decision was taken: both or neither, the forum one of this system's, the day not in the
    /// future. Returns the forum's name, or null when none was given. Errors are reported under the caller's field names.
    /// </summary>
    public static async Task<string?> CheckTakenAtAsync(ConcordatDb db, InputErrors errors, TakenAt? takenAt, DateOnly today, CancellationToken ct,
        string forumField = nameof(TakenAt.ForumId), string dateField = nameof(TakenAt.On))
    {
        if (takenAt is not { } given || (given.ForumId is null && given.On is null))
        {
            return null;
        }
        string? forum = null;
        if (given.ForumId is not { } forumId)
        {
            errors.Add(forumField, "Select the forum that took the decision, or leave the date empty");
        }
        else if ((forum = await db.Forums.Where(f => f.Id == forumId).Select(f => f.Name).SingleOrDefaultAsync(ct)) is null)
        {
            errors.Add(forumField, "Select a forum of this system");
        }
        if (given.On is not { } on)
        {
            errors.Add(dateField, "Enter the date the forum took the decision");
        }
        else if (on > today)
        {
            errors.Add(dateField, "The date the decision was taken cannot be in the future");
        }
        return forum;
    }

    private async Task<Dictionary<Guid, int>> DecisionCountsAsync(CancellationToken ct)
    {
        var rounds = await db.AgreementRounds.Where(r => r.DecidedByForumId != null).GroupBy(r => r.DecidedByForumId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var versions = await db.StrategyVersions.Where(v => v.AgreedByForumId != null).GroupBy(v => v.AgreedByForumId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return rounds.Concat(versions).GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
    }

    private static ForumDetail Detail(GovernanceForum forum, Dictionary<Guid, Organisation> organisations, Dictionary<Guid, string> places,
        Dictionary<Guid, int> decisions) =>
        new(forum, forum.PlaceId is { } p ? places[p] : null,
            [.. forum.Members.Select(m => organisations[m.OrganisationId]).OrderBy(o => o.Name, StringComparer.Ordinal)], decisions.GetValueOrDefault(forum.Id));

    private static void Apply(GovernanceForum forum, SaveForum valid)
    {
        forum.Name = valid.Name!;
        forum.Kind = valid.Kind!.Value;
        forum.PlaceId = valid.PlaceId;
        forum.TermsOfReference = valid.TermsOfReference;
        forum.TermsOfReferenceUrl = valid.TermsOfReferenceUrl;
        forum.Members.RemoveAll(m => !valid.MemberOrganisationIds.Contains(m.OrganisationId));
        foreach (var organisationId in valid.MemberOrganisationIds.Where(o => forum.Members.All(m => m.OrganisationId != o)))
        {
            forum.Members.Add(new ForumMember { SystemId = forum.SystemId, ForumId = forum.Id, OrganisationId = organisationId });
        }
    }

    /// <param name="placeNow">The forum's place as stored: it may stay on a forum after it is retired, as on anything else.</param>
    private async Task<SaveForum> ValidateAsync(SaveForum input, Guid? existingId, Guid? placeNow, CancellationToken ct)
    {
        var errors = new InputErrors();
        var name = errors.RequiredText(nameof(input.Name), "Name", input.Name, GovernanceForum.NameMaxLength, "Enter the forum's name");
        if (name.Length > 0 && await db.Forums.AnyAsync(f => f.Name == name && f.Id != existingId, ct))
        {
            errors.Add(nameof(input.Name), $"There is already a forum called {name} in this system");
        }
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(nameof(input.Kind), "Select the kind of forum");
        }
        if (input.PlaceId is { } placeId)
        {
            await OrganisationService.CheckPlacesAsync(db, errors, nameof(input.PlaceId), [placeId], placeNow is { } kept ? [kept] : [], ct);
        }
        var members = (input.MemberOrganisationIds ?? []).Distinct().ToList();
        if (members.Count > 0 && await db.Organisations.CountAsync(o => members.Contains(o.Id), ct) != members.Count)
        {
            errors.Add(nameof(input.MemberOrganisationIds), "Select members from this system's partner organisations");
        }
        var terms = errors.OptionalText(nameof(input.TermsOfReference), "Terms of reference", input.TermsOfReference, GovernanceForum.TermsMaxLength);
        var link = errors.OptionalText(nameof(input.TermsOfReferenceUrl), "Link", input.TermsOfReferenceUrl, GovernanceForum.LinkMaxLength);
        if (link is not null && (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(uri.Host)))
        {
            errors.Add(nameof(input.TermsOfReferenceUrl), "Link to the terms of reference must be a full https address, like https://example.nhs.uk/icp-terms");
        }
        errors.ThrowIfAny();
        return new SaveForum(name, input.Kind, input.PlaceId, members, terms, link);
    }

    private async Task<IReadOnlyDictionary<string, string?>> SnapshotAsync(GovernanceForum forum, CancellationToken ct)
    {
        var ids = forum.Members.Select(m => m.OrganisationId).ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var place = forum.PlaceId is { } placeId ? await db.Places.Where(p => p.Id == placeId).Select(p => p.Name).SingleOrDefaultAsync(ct) : null;
        return forum.Snapshot(names, place);
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && UniqueViolation.Is(e))
        {
            throw new InputInvalidException(nameof(SaveForum.Name), "That name is already used by another forum in this system");
        }
    }
}
