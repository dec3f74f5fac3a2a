using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.History;
using Concordat.Core.Partnerships;
using Concordat.Core.Tables;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.WorkProgramme;

/// <summary>The fields of a work item as its owner sets them. Its status changes by <see cref="MoveWorkItem"/>.</summary>
public sealed record SaveWorkItem(string? Title, string? Description, Guid? WorkstreamId, Guid? OwnerOrganisationId, Guid? OwnerPersonId,
    DateOnly? DueOn, WorkItemSize? Size, IReadOnlyList<Guid> ContributorIds, IReadOnlyList<Guid>? ChangeIdeaIds = null);

/// <summary>A move to another column; blocked needs the reason and whose move it is.</summary>
public sealed record MoveWorkItem(WorkItemStatus? Status, string? BlockedReason = null, Guid? BlockedOnOrganisationId = null);

/// <summary>Filters of the board and the list; every one optional.</summary>
public sealed record WorkItemFilter(Guid? WorkstreamId = null, Guid? OrganisationId = null, Guid? GoalId = null, WorkItemStatus? Status = null, Guid? PersonId = null,
    Guid? BlockedOnOrganisationId = null, Guid? IterationId = null);

/// <summary>An item as a card shows it, with the iteration it is planned into (none while it waits in the backlog).</summary>
public sealed record WorkItemCard(Guid Id, string Title, Guid WorkstreamId, string Workstream, Guid OwnerOrganisationId, string OwnerOrganisation,
    Guid? OwnerPersonId, string? OwnerPerson, WorkItemStatus Status, DateTime StatusSinceUtc, DateOnly? DueOn, WorkItemSize? Size, string? BlockedReason,
    Guid? BlockedOnOrganisationId, string? BlockedOnOrganisation, Guid Version, Guid? IterationId = null, string? Iteration = null);

public sealed record WorkItemDetail(WorkItem Item, WorkItemCard Card, string? Description, IReadOnlyList<(Guid Id, string Name)> Contributors,
    IReadOnlyList<(Guid Id, string Title)> ChangeIdeas, IReadOnlyList<WorkItemComment> Comments);

/// <summary>The work items of the shared programme: their owners change them, any partner comments on them.</summary>
public sealed class WorkItemService(ConcordatDb db, TimeProvider clock)
{
    public const string EntityType = "WorkItem";

    /// <summary>Items matching the filter, in board order: by status, then due date (soonest first, undated last), then title.</summary>
    public async Task<IReadOnlyList<WorkItemCard>> ListAsync(WorkItemFilter filter, CancellationToken ct)
    {
        var items = db.WorkItems.AsNoTracking();
        if (filter.WorkstreamId is { } stream)
        {
            items = items.Where(i => i.WorkstreamId == stream);
        }
        if (filter.OrganisationId is { } organisation)
        {
            items = items.Where(i => i.OwnerOrganisationId == organisation || i.Contributors.Any(c => c.OrganisationId == organisation));
        }
        if (filter.GoalId is { } goal)
        {
            items = items.Where(i => db.WorkstreamGoals.Any(g => g.WorkstreamId == i.WorkstreamId && g.GoalId == goal));
        }
        if (filter.Status is { } status)
        {
            items = items.Where(i => i.Status == status);
        }
        if (filter.PersonId is { } person)
        {
            items = items.Where(i => i.OwnerPersonId == person);
        }
        if (filter.BlockedOnOrganisationId is { } blockedOn)
        {
            items = items.Where(i => i.Status == WorkItemStatus.Blocked && i.BlockedOnOrganisationId == blockedOn);
        }
        if (filter.IterationId is { } iteration)
        {
            items = items.Where(i => i.IterationId == iteration);
        }
        var rows = await items
            .Select(i => new
            {
                Item = i,
                Workstream = db.Workstreams.Where(w => w.Id == i.WorkstreamId).Select(w => w.Name).Single(),
                Owner = db.Organisations.Where(o => o.Id == i.OwnerOrganisationId).Select(o => o.Name).Single(),
                Person = db.Users.Where(p => p.Id == i.OwnerPersonId).Select(p => p.DisplayName).SingleOrDefault(),
                BlockedOn = db.Organisations.Where(o => o.Id == i.BlockedOnOrganisationId).Select(o => o.Name).SingleOrDefault(),
                Iteration = db.Iterations.Where(t => t.Id == i.IterationId).Select(t => t.Name).SingleOrDefault(),
            })
            .ToListAsync(ct);
        return [.. rows
            .Select(r => Card(r.Item, r.Workstream, r.Owner, r.Person, r.BlockedOn, r.Iteration))
            .OrderBy(c => c.Status).ThenBy(c => c.DueOn ?? DateOnly.MaxValue).ThenBy(c => c.Title, StringComparer.Ordinal).ThenBy(c => c.Id)];
    }

    public async Task<WorkItemDetail> GetAsync(Guid id, CancellationToken ct)
    {
        var item = await db.WorkItems.AsNoTracking().Include(i => i.Contributors).Include(i => i.ChangeIdeas).AsSplitQuery().SingleOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new NotFoundException("There is no such work item in this system.");
        var names = await NamesAsync(item, ct);
        var iteration = item.IterationId is { } planned ? await db.Iterations.AsNoTracking().Where(t => t.Id == planned).Select(t => t.Name).SingleOrDefaultAsync(ct) : null;
        var comments = await db.WorkItemComments.AsNoTracking().Where(c => c.WorkItemId == id).OrderBy(c => c.CreatedAtUtc).ThenBy(c => c.Id).ToListAsync(ct);
        return new WorkItemDetail(item, Card(item, names[item.WorkstreamId], names[item.OwnerOrganisationId], item.OwnerPersonId is { } p ? names.GetValueOrDefault(p) : null,
                item.BlockedOnOrganisationId is { } b ? names.GetValueOrDefault(b) : null, iteration), item.Description,
            [.. item.Contributors.Select(c => (c.OrganisationId, names.GetValueOrDefault(c.OrganisationId, "?"))).OrderBy(c => c.Item2, StringComparer.Ordinal)],
            [.. item.ChangeIdeas.Select(c => (c.ChangeIdeaId, names.GetValueOrDefault(c.ChangeIdeaId, "?"))).OrderBy(c => c.Item2, StringComparer.Ordinal)],
            comments);
    }

    /// <summary>The change ideas an item of the workstream may carry: those of the goals the workstream serves.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Title)>> ChangeIdeasOfferedAsync(Guid workstreamId, CancellationToken ct)
    {
        var goals = db.WorkstreamGoals.Where(g => g.WorkstreamId == workstreamId).Select(g => g.GoalId);
        var ideas = await db.ChangeIdeas.AsNoTracking().Where(i => goals.Contains(i.GoalId)).OrderBy(i => i.Title).ThenBy(i => i.Id)
            .Select(i => new { i.Id, i.Title }).ToListAsync(ct);
        return [.. ideas.Select(i => (i.Id, i.Title))];
    }

    /// <summary>Adds an item to the backlog of a workstream, owned by an organisation the actor works for (or any, for a convenor).</summary>
    public async Task<WorkItem> CreateAsync(SaveWorkItem input, Actor actor, CancellationToken ct)
    {
        if (!actor.IsConvenor && !actor.Memberships.Any(m => m.Role is Role.OrganisationLead or Role.Contributor))
        {
            throw new ForbiddenException("Only the people of a partner, or a convenor, can add work to the programme.");
        }
        var valid = await ValidateAsync(input, ct);
        WorkItem.RequireOwner(actor, valid.OwnerOrganisationId, "add work owned by that organisation");
        var now = clock.GetUtcNow().UtcDateTime;
        var item = new WorkItem { SystemId = actor.SystemId, Title = valid.Title, Status = WorkItemStatus.Backlog, StatusSinceUtc = now, CreatedAtUtc = now };
        Apply(item, valid, actor.SystemId);
        db.WorkItems.Add(item);
        db.Audit(actor, now, "WorkItemAdded", EntityType, item.Id, item.Title, null, item.Snapshot(await NamesAsync(item, ct)));
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>
    /// Changes an item against the version its editor read. Only a convenor hands an item to another organisation: a
    /// partner cannot give its work to someone else without that partner's say.
    /// </summary>
    public async Task<WorkItem> UpdateAsync(Guid id, SaveWorkItem input, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        var item = await LoadAsync(id, ct);
        WorkItem.RequireOwner(actor, item.OwnerOrganisationId, "change this work item");
        var before = item.Snapshot(await NamesAsync(item, ct));
        if (!item.Version.Matches(expectedVersion, "work item"))
        {
            throw new EditConflictException(item.Title, item.Version, before);
        }
        var valid = await ValidateAsync(input, ct);
        if (valid.OwnerOrganisationId != item.OwnerOrganisationId && !actor.IsConvenor)
        {
            throw new InputInvalidException(nameof(SaveWorkItem.OwnerOrganisationId), "Only a convenor can hand the item to another organisation: ask them, or ask that organisation to add its own item");
        }
        db.Entry(item).Property(i => i.Version).OriginalValue = item.Version;
        item.Title = valid.Title;
        db.WorkItemOrganisations.RemoveRange(item.Contributors);
        db.WorkItemChangeIdeas.RemoveRange(item.ChangeIdeas);
        item.Contributors.Clear();
        item.ChangeIdeas.Clear();
        Apply(item, valid, actor.SystemId);
        return await SaveChangeAsync(item, before, "WorkItemChanged", actor, ct);
    }

    /// <summary>Moves the item to another column of the board, against the version the mover saw.</summary>
    public async Task<WorkItem> MoveAsync(Guid id, MoveWorkItem input, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        var item = await LoadAsync(id, ct);
        WorkItem.RequireOwner(actor, item.OwnerOrganisationId, "move this work item");
        var before = item.Snapshot(await NamesAsync(item, ct));
        if (!item.Version.Matches(expectedVersion, "work item"))
        {
            throw new EditConflictException(item.Title, item.Version, before);
        }
        var errors = new InputErrors();
        if (input.Status is not { } status || !Enum.IsDefined(status))
        {
            errors.Add(nameof(input.Status), "Select where the item moves to");
            status = item.Status;
        }
        string? reason = null;
        if (status == WorkItemStatus.Blocked)
        {
            reason = errors.RequiredText(nameof(input.BlockedReason), "Reason", input.BlockedReason, WorkItem.BlockedReasonMaxLength, "Say why the item is blocked");
            if (input.BlockedOnOrganisationId is not { } on || !await db.Organisations.AnyAsync(o => o.Id == on, ct))
            {
                errors.Add(nameof(input.BlockedOnOrganisationId), "Select the organisation whose move it is");
            }
        }
        errors.ThrowIfAny();
        db.Entry(item).Property(i => i.Version).OriginalValue = item.Version;
        var now = clock.GetUtcNow().UtcDateTime;
        if (item.Status != status)
        {
            item.StatusSinceUtc = now;
        }
        item.Status = status;
        item.BlockedReason = status == WorkItemStatus.Blocked ? reason : null;
        item.BlockedOnOrganisationId = status == WorkItemStatus.Blocked ? input.BlockedOnOrganisationId : null;
        return await SaveChangeAsync(item, before, "WorkItemMoved", actor, ct);
    }

    /// <summary>Adds a comment; anyone acting for a partner may, since partners work on each other's items together.</summary>
    public async Task<WorkItemComment> CommentAsync(Guid id, string? text, Actor actor, CancellationToken ct)
    {
        var item = await db.WorkItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("There is no such work item in this system.");
        var membership = actor.Memberships.FirstOrDefault(m => m.Role is Role.OrganisationLead or Role.Contributor);
        if (!actor.IsConvenor && membership is null)
        {
            throw new ForbiddenException("Only the people of a partner, or a convenor, can comment on work items.");
        }
        var errors = new InputErrors();
        var body = errors.RequiredText("Text", "Comment", text, WorkItemComment.TextMaxLength, "Enter your comment");
        errors.ThrowIfAny();
        var organisationId = membership?.OrganisationId ?? actor.PrimaryMembership?.OrganisationId;
        var organisation = organisationId is { } o ? await db.Organisations.Where(x => x.Id == o).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        var now = clock.GetUtcNow().UtcDateTime;
        var comment = new WorkItemComment
        {
            SystemId = actor.SystemId, WorkItemId = id, Text = body, AuthorPersonId = actor.PersonId, AuthorName = actor.DisplayName, AuthorOrganisation = organisation,
            CreatedAtUtc = now,
        };
        db.WorkItemComments.Add(comment);
        db.Audit(actor, now, "WorkItemCommented", EntityType, id, item.Title, null, new SortedDictionary<string, string?> { ["Comment"] = body });
        await db.SaveChangesAsync(ct);
        return comment;
    }

    /// <summary>The list as a table to download: one row per item, with its owner, status, age in days and iteration.</summary>
    public static Table ToTable(IReadOnlyList<WorkItemCard> cards, DateTime nowUtc) => new(
        ["id", "title", "workstream", "owner", "person", "status", "in_status_since", "days_in_status", "due", "size", "blocked_because", "whose_move", "iteration"],
        [.. cards.Select(c => (IReadOnlyList<object?>)[c.Id.ToString(), c.Title, c.Workstream, c.OwnerOrganisation, c.OwnerPerson, c.Status.InWords(),
            DateOnly.FromDateTime(c.StatusSinceUtc), (int)(nowUtc - c.StatusSinceUtc).TotalDays, c.DueOn, c.Size?.InWords(), c.BlockedReason, c.BlockedOnOrganisation,
            c.Iteration])]);

    private static WorkItemCard Card(WorkItem i, string workstream, string owner, string? person, string? blockedOn, string? iteration) =>
        new(i.Id, i.Title, i.WorkstreamId, workstream, i.OwnerOrganisationId, owner, i.OwnerPersonId, person, i.Status, i.StatusSinceUtc, i.DueOn, i.Size,
            i.BlockedReason, i.BlockedOnOrganisationId, blockedOn, i.Version, i.IterationId, iteration);

    private async Task<WorkItem> LoadAsync(Guid id, CancellationToken ct) =>
        await db.WorkItems.Include(i => i.Contributors).Include(i => i.ChangeIdeas).AsSplitQuery().SingleOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new NotFoundException("There is no such work item in this system.");

    private async Task<WorkItem> SaveChangeAsync(WorkItem item, IReadOnlyDictionary<string, string?> before, string action, Actor actor, CancellationToken ct)
    {
        var after = item.Snapshot(await NamesAsync(item, ct));
        if (before.SequenceEqual(after))
        {
            db.ChangeTracker.Clear();
            return item;
        }
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, action, EntityType, item.Id, item.Title, before, after);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.WorkItems.AsNoTracking().Include(i => i.Contributors).Include(i => i.ChangeIdeas).AsSplitQuery().SingleAsync(i => i.Id == item.Id, ct);
            throw new EditConflictException(current.Title, current.Version, current.Snapshot(await NamesAsync(current, ct)));
        }
        return item;
    }

    private sealed record Valid(string Title, string? Description, Guid WorkstreamId, Guid OwnerOrganisationId, Guid? OwnerPersonId, DateOnly? DueOn,
        WorkItemSize? Size, IReadOnlyList<Guid> ContributorIds, IReadOnlyList<Guid> ChangeIdeaIds);

    private async Task<Valid> ValidateAsync(SaveWorkItem input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var title = errors.RequiredText(nameof(input.Title), "Title", input.Title, WorkItem.TitleMaxLength, "Enter a short title for the work");
        var description = errors.OptionalText(nameof(input.Description), "Description", input.Description, WorkItem.DescriptionMaxLength);
        var stream = input.WorkstreamId is { } streamId
            ? await db.Workstreams.AsNoTracking().Where(w => w.Id == streamId).Select(w => new { w.Id, w.Status, Goals = w.Goals.Select(g => g.GoalId).ToList() }).SingleOrDefaultAsync(ct)
            : null;
        if (stream is null)
        {
            errors.Add(nameof(input.WorkstreamId), "Select the workstream the work belongs to");
        }
        else if (stream.Status == WorkstreamStatus.Closed)
        {
            errors.Add(nameof(input.WorkstreamId), "The workstream is closed: choose an open one");
        }
        var partners = await db.Organisations.AsNoTracking().Where(o => o.IsPartner).Select(o => o.Id).ToListAsync(ct);
        if (input.OwnerOrganisationId is not { } owner || !partners.Contains(owner))
        {
            errors.Add(nameof(input.OwnerOrganisationId), "Select the organisation that owns the work");
        }
        else if (input.OwnerPersonId is { } person && !await db.Memberships.AnyAsync(m => m.PersonId == person && m.OrganisationId == owner, ct))
        {
            errors.Add(nameof(input.OwnerPersonId), "Select a person of the owning organisation, or no one");
        }
        if (input.Size is { } size && !Enum.IsDefined(size))
        {
            errors.Add(nameof(input.Size), "Select small, medium or large, or no size");
        }
        var contributorIds = input.ContributorIds.Distinct().Where(c => c != input.OwnerOrganisationId).ToList();
        if (contributorIds.Any(c => !partners.Contains(c)))
        {
            errors.Add(nameof(input.ContributorIds), "Select contributing organisations from the partners of this system");
        }
        var ideaIds = (input.ChangeIdeaIds ?? []).Distinct().ToList();
        var goals = stream?.Goals ?? [];
        if (ideaIds.Count > 0 && await db.ChangeIdeas.CountAsync(i => ideaIds.Contains(i.Id) && goals.Contains(i.GoalId), ct) != ideaIds.Count)
        {
            errors.Add(nameof(input.ChangeIdeaIds), "Select change ideas of the goals the workstream serves");
        }
        errors.ThrowIfAny();
        return new Valid(title, description, stream!.Id, input.OwnerOrganisationId!.Value, input.OwnerPersonId, input.DueOn, input.Size, contributorIds, ideaIds);
    }

    private static void Apply(WorkItem item, Valid valid, Guid systemId)
    {
        item.Description = valid.Description;
        item.WorkstreamId = valid.WorkstreamId;
        item.OwnerOrganisationId = valid.OwnerOrganisationId;
        item.OwnerPersonId = valid.OwnerPersonId;
        item.DueOn = valid.DueOn;
        item.Size = valid.Size;
        item.Contributors.AddRange(valid.ContributorIds.Select(o => new WorkItemOrganisation { SystemId = systemId, WorkItemId = item.Id, OrganisationId = o }));
        item.ChangeIdeas.AddRange(valid.ChangeIdeaIds.Select(i => new WorkItemChangeIdea { SystemId = systemId, WorkItemId = item.Id, ChangeIdeaId = i }));
    }

    /// <summary>Names of everything an item's snapshot names.</summary>
    private async Task<Dictionary<Guid, string>> NamesAsync(WorkItem item, CancellationToken ct)
    {
        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        if (await db.Workstreams.AsNoTracking().Where(w => w.Id == item.WorkstreamId).Select(w => w.Name).SingleOrDefaultAsync(ct) is { } stream)
        {
            names[item.WorkstreamId] = stream;
        }
        var ideaIds = item.ChangeIdeas.Select(i => i.ChangeIdeaId).ToList();
        foreach (var idea in await db.ChangeIdeas.AsNoTracking().Where(i => ideaIds.Contains(i.Id)).Select(i => new { i.Id, i.Title }).ToListAsync(ct))
        {
            names[idea.Id] = idea.Title;
        }
        if (item.OwnerPersonId is { } personId && await db.Users.AsNoTracking().Where(p => p.Id == personId).Select(p => p.DisplayName).SingleOrDefaultAsync(ct) is { } person)
        {
            names[personId] = person;
        }
        return names;
    }
}
