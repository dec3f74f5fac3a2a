using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.History;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.WorkProgramme;

/// <summary>The fields of a workstream as a convenor or its lead organisation's leads set them.</summary>
public sealed record SaveWorkstream(string? Name, string? Purpose, Guid? LeadOrganisationId, Guid? SeniorResponsibleOwnerId, WorkstreamStatus? Status,
    IReadOnlyList<Guid> GoalIds, IReadOnlyList<Guid> ContributorIds, IReadOnlyList<Guid>? ChangeIdeaIds = null);

/// <summary>A workstream with names, and how many of its items are in each status.</summary>
public sealed record WorkstreamSummary(Guid Id, string Name, WorkstreamStatus Status, Guid LeadOrganisationId, string LeadOrganisation,
    IReadOnlyList<string> Goals, IReadOnlyDictionary<WorkItemStatus, int> Items, string Purpose = "");

public sealed record WorkstreamDetail(Workstream Workstream, string LeadOrganisation, string? SeniorResponsibleOwner,
    IReadOnlyList<(Guid Id, string Title)> Goals, IReadOnlyList<(Guid Id, string Name)> Contributors, IReadOnlyList<(Guid Id, string Title)> ChangeIdeas);

/// <summary>Convenors start workstreams; the lead organisation's leads (and convenors) keep them.</summary>
public sealed class WorkstreamService(ConcordatDb db, TimeProvider clock)
{
    public const string EntityType = "Workstream";

    /// <summary>Open workstreams first, then by name.</summary>
    public async Task<IReadOnlyList<WorkstreamSummary>> ListAsync(CancellationToken ct)
    {
        var streams = await db.Workstreams.AsNoTracking().Include(w => w.Goals)
            .OrderBy(w => w.Status == WorkstreamStatus.Closed).ThenBy(w => w.Name).ThenBy(w => w.Id).ToListAsync(ct);
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var goals = await db.Goals.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Title, ct);
        var counts = await db.WorkItems.AsNoTracking().GroupBy(i => new { i.WorkstreamId, i.Status })
            .Select(g => new { g.Key.WorkstreamId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        return [.. streams.Select(w => new WorkstreamSummary(w.Id, w.Name, w.Status, w.LeadOrganisationId, organisations.GetValueOrDefault(w.LeadOrganisationId, "?"),
            [.. w.Goals.Select(g => goals.GetValueOrDefault(g.GoalId, "?")).Order(StringComparer.Ordinal)],
            Enum.GetValues<WorkItemStatus>().ToDictionary(s => s, s => counts.Where(c => c.WorkstreamId == w.Id && c.Status == s).Sum(c => c.Count)), w.Purpose))];
    }

    public async Task<WorkstreamDetail> GetAsync(Guid id, CancellationToken ct)
    {
        var stream = await db.Workstreams.AsNoTracking().Include(w => w.Goals).Include(w => w.Contributors).Include(w => w.ChangeIdeas).AsSplitQuery()
            .SingleOrDefaultAsync(w => w.Id == id, ct) ?? throw new NotFoundException("There is no such workstream in this system.");
        var names = await NamesAsync(stream, ct);
        return new WorkstreamDetail(stream, names.GetValueOrDefault(stream.LeadOrganisationId, "?"),
            stream.SeniorResponsibleOwnerId is { } sro ? names.GetValueOrDefault(sro) : null,
            [.. stream.Goals.Select(g => (g.GoalId, names.GetValueOrDefault(g.GoalId, "?"))).OrderBy(g => g.Item2, StringComparer.Ordinal)],
            [.. stream.Contributors.Select(c => (c.OrganisationId, names.GetValueOrDefault(c.OrganisationId, "?"))).OrderBy(c => c.Item2, StringComparer.Ordinal)],
            [.. stream.ChangeIdeas.Select(c => (c.ChangeIdeaId, names.GetValueOrDefault(c.ChangeIdeaId, "?"))).OrderBy(c => c.Item2, StringComparer.Ordinal)]);
    }

    /// <summary>Every change idea of the system with its goal, for a workstream to take on those of the goals it serves.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Title, string Goal)>> ChangeIdeasOfferedAsync(CancellationToken ct)
    {
        var ideas = await db.ChangeIdeas.AsNoTracking().Join(db.Goals, i => i.GoalId, g => g.Id, (i, g) => new { i.Id, i.Title, Goal = g.Title })
            .OrderBy(i => i.Goal).ThenBy(i => i.Title).ThenBy(i => i.Id).ToListAsync(ct);
        return [.. ideas.Select(i => (i.Id, i.Title, i.Goal))];
    }

    /// <summary>Convenors change any workstream; leads of its lead organisation change theirs.</summary>
    public static bool CanChange(Actor actor, Guid leadOrganisationId) => actor.IsConvenor || actor.IsLeadOf(leadOrganisationId);

    public async Task<Workstream> CreateAsync(SaveWorkstream input, Actor actor, CancellationToken ct)
    {
        actor.RequireConvenor("start a workstream");
        var valid = await ValidateAsync(input, existingId: null, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var stream = new Workstream { SystemId = actor.SystemId, Name = valid.Name, Purpose = valid.Purpose, CreatedAtUtc = now };
        Apply(stream, valid, actor.SystemId);
        db.Workstreams.Add(stream);
        db.Audit(actor, now, "WorkstreamStarted", EntityType, stream.Id, stream.Name, null, stream.Snapshot(await NamesAsync(stream, ct)));
        await SaveAsync(input, ct);
        return stream;
    }

    /// <summary>Changes a workstream against the version its editor read.</summary>
    public async Task<Workstream> UpdateAsync(Guid id, SaveWorkstream input, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        var stream = await db.Workstreams.Include(w => w.Goals).Include(w => w.Contributors).Include(w => w.ChangeIdeas).AsSplitQuery()
            .SingleOrDefaultAsync(w => w.Id == id, ct) ?? throw new NotFoundException("There is no such workstream in this system.");
        if (!CanChange(actor, stream.LeadOrganisationId))
        {
            throw new ForbiddenException("Only a convenor or a lead of the workstream's lead organisation can change it.");
        }
        var before = stream.Snapshot(await NamesAsync(stream, ct));
        if (!stream.Version.Matches(expectedVersion, "workstream"))
        {
            throw new EditConflictException(stream.Name, stream.Version, before);
        }
        var valid = await ValidateAsync(input, id, ct);
        if (valid.LeadOrganisationId != stream.LeadOrganisationId && !actor.IsConvenor)
        {
            // Handing the lead to another partner commits that partner: only a convenor, who brokers it, may.
            throw new InputInvalidException(nameof(SaveWorkstream.LeadOrganisationId), "Only a convenor can hand the workstream's lead to another organisation");
        }
        db.Entry(stream).Property(w => w.Version).OriginalValue = stream.Version;
        (stream.Name, stream.Purpose) = (valid.Name, valid.Purpose);
        db.WorkstreamGoals.RemoveRange(stream.Goals);
        db.WorkstreamOrganisations.RemoveRange(stream.Contributors);
        db.WorkstreamChangeIdeas.RemoveRange(stream.ChangeIdeas);
        stream.Goals.Clear();
        stream.Contributors.Clear();
        stream.ChangeIdeas.Clear();
        Apply(stream, valid, actor.SystemId);
        var after = stream.Snapshot(await NamesAsync(stream, ct));
        if (before.SequenceEqual(after))
        {
            db.ChangeTracker.Clear();
            return stream;
        }
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "WorkstreamChanged", EntityType, id, stream.Name, before, after);
        try
        {
            await SaveAsync(input, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Workstreams.AsNoTracking().Include(w => w.Goals).Include(w => w.Contributors).Include(w => w.ChangeIdeas).AsSplitQuery().SingleAsync(w => w.Id == id, ct);
            throw new EditConflictException(current.Name, current.Version, current.Snapshot(await NamesAsync(current, ct)));
        }
        return stream;
    }

    private sealed record Valid(string Name, string Purpose, Guid LeadOrganisationId, Guid? SeniorResponsibleOwnerId, WorkstreamStatus Status,
        IReadOnlyList<Guid> GoalIds, IReadOnlyList<Guid> ContributorIds, IReadOnlyList<Guid> ChangeIdeaIds);

    private async Task<Valid> ValidateAsync(SaveWorkstream input, Guid? existingId, CancellationToken ct)
    {
        var errors = new InputErrors();
        var name = errors.RequiredText(nameof(input.Name), "Name", input.Name, Workstream.NameMaxLength, "Enter a name for the workstream");
        if (name.Length > 0 && await db.Workstreams.AnyAsync(w => w.Name == name && w.Id != existingId, ct))
        {
            errors.Add(nameof(input.Name), $"There is already a workstream called {name}: choose another name");
        }
        var purpose = errors.RequiredText(nameof(input.Purpose), "Purpose", input.Purpose, Workstream.PurposeMaxLength, "Enter the workstream's purpose: what it will change, for whom");
        var partners = await db.Organisations.AsNoTracking().Where(o => o.IsPartner).Select(o => o.Id).ToListAsync(ct);
        if (input.LeadOrganisationId is not { } lead || !partners.Contains(lead))
        {
            errors.Add(nameof(input.LeadOrganisationId), "Select the lead organisation, a partner of this system");
        }
        if (input.SeniorResponsibleOwnerId is { } sro && !await db.Memberships.AnyAsync(m => m.PersonId == sro, ct))
        {
            errors.Add(nameof(input.SeniorResponsibleOwnerId), "Select a senior responsible owner from the people of this system");
        }
        if (input.Status is { } status && !Enum.IsDefined(status))
        {
            errors.Add(nameof(input.Status), "Select the workstream's status");
        }
        var goalIds = input.GoalIds.Distinct().ToList();
        if (goalIds.Count == 0)
        {
            errors.Add(nameof(input.GoalIds), "Select the shared goals the workstream serves");
        }
        else if (await db.Goals.CountAsync(g => goalIds.Contains(g.Id), ct) != goalIds.Count)
        {
            errors.Add(nameof(input.GoalIds), "Select shared goals of this system");
        }
        var contributorIds = input.ContributorIds.Distinct().Where(c => c != input.LeadOrganisationId).ToList();
        if (contributorIds.Any(c => !partners.Contains(c)))
        {
            errors.Add(nameof(input.ContributorIds), "Select contributing organisations from the partners of this system");
        }
        var ideaIds = (input.ChangeIdeaIds ?? []).Distinct().ToList();
        if (ideaIds.Count > 0 && await db.ChangeIdeas.CountAsync(i => ideaIds.Contains(i.Id) && goalIds.Contains(i.GoalId), ct) != ideaIds.Count)
        {
            errors.Add(nameof(input.ChangeIdeaIds), "Select change ideas from the driver diagrams of the goals the workstream serves");
        }
        errors.ThrowIfAny();
        return new Valid(name, purpose, input.LeadOrganisationId!.Value, input.SeniorResponsibleOwnerId, input.Status ?? WorkstreamStatus.Active,
            goalIds, contributorIds, ideaIds);
    }

    private static void Apply(Workstream stream, Valid valid, Guid systemId)
    {
        stream.LeadOrganisationId = valid.LeadOrganisationId;
        stream.SeniorResponsibleOwnerId = valid.SeniorResponsibleOwnerId;
        stream.Status = valid.Status;
        stream.Goals.AddRange(valid.GoalIds.Select(g => new WorkstreamGoal { SystemId = systemId, WorkstreamId = stream.Id, GoalId = g }));
        stream.Contributors.AddRange(valid.ContributorIds.Select(o => new WorkstreamOrganisation { SystemId = systemId, WorkstreamId = stream.Id, OrganisationId = o }));
        stream.ChangeIdeas.AddRange(valid.ChangeIdeaIds.Select(i => new WorkstreamChangeIdea { SystemId = systemId, WorkstreamId = stream.Id, ChangeIdeaId = i }));
    }

    private async Task SaveAsync(SaveWorkstream input, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            throw new InputInvalidException(nameof(input.Name), $"There is already a workstream called {input.Name?.Trim()}: choose another name");
        }
    }

    /// <summary>Names of everything a workstream's snapshot names: organisations, its person, goals and change ideas.</summary>
    private async Task<Dictionary<Guid, string>> NamesAsync(Workstream stream, CancellationToken ct)
    {
        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var goalIds = stream.Goals.Select(g => g.GoalId).ToList();
        foreach (var goal in await db.Goals.AsNoTracking().Where(g => goalIds.Contains(g.Id)).Select(g => new { g.Id, g.Title }).ToListAsync(ct))
        {
            names[goal.Id] = goal.Title;
        }
        var ideaIds = stream.ChangeIdeas.Select(i => i.ChangeIdeaId).ToList();
        foreach (var idea in await db.ChangeIdeas.AsNoTracking().Where(i => ideaIds.Contains(i.Id)).Select(i => new { i.Id, i.Title }).ToListAsync(ct))
        {
            names[idea.Id] = idea.Title;
        }
        if (stream.SeniorResponsibleOwnerId is { } sro && await db.Users.AsNoTracking().Where(p => p.Id == sro).Select(p => p.DisplayName).SingleOrDefaultAsync(ct) is { } person)
        {
            names[sro] = person;
        }
        return names;
    }
}
