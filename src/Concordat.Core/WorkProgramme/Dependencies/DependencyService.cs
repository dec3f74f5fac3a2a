using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.History;
using Concordat.Core.Partnerships;
using Concordat.Core.Tables;
using Concordat.Core.Waiting;
using Concordat.Core.Words;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.WorkProgramme.Dependencies;

/// <summary>"Our item needs yours": asked by the consuming item's organisation of the producing item's.</summary>
public sealed record RequestDependency(Guid? ConsumerItemId, Guid? ProducerItemId, string? Note = null);

public sealed record AcceptDependency(DateOnly? CommittedOn);

public sealed record DeclineDependency(string? Reason);

/// <summary>Filters of the dependency list, each optional; <see cref="ItemId"/> matches either end.</summary>
public sealed record DependencyFilter(Guid? WaitingOrganisationId = null, Guid? WaitedOnOrganisationId = null, DependencyState? State = null, bool? OffTrack = null,
    Guid? ItemId = null);

/// <summary>One cell of "who waits on whom": open dependencies of one organisation on another, and how many are off track.</summary>
public sealed record WaitCell(Guid WaitingId, Guid WaitedOnId, int Open, int OffTrack);

/// <summary>The partner by partner matrix of open dependencies between organisations; organisations with none are left out.</summary>
public sealed record WhoWaitsOnWhom(IReadOnlyList<(Guid Id, string Name)> Organisations, IReadOnlyList<WaitCell> Cells)
{
    public WaitCell? Cell(Guid waiting, Guid waitedOn) => Cells.FirstOrDefault(c => c.WaitingId == waiting && c.WaitedOnId == waitedOn);
}

/// <summary>
/// Dependencies between work items of different organisations, negotiated: the consuming organisation asks, only the
/// producing organisation answers (a date, or no with a reason) and delivers, and either side may withdraw what is not
/// yet delivered. Every answer is made against the version read, and audited.
/// </summary>
public sealed class DependencyService(ConcordatDb db, TimeProvider clock)
{
    public const string EntityType = "Dependency";

    public async Task<IReadOnlyList<DependencyRow>> ListAsync(DependencyFilter filter, CancellationToken ct)
    {
        var dependencies = db.Dependencies.AsNoTracking();
        if (filter.State is { } state)
        {
            dependencies = dependencies.Where(d => d.State == state);
        }
        if (filter.ItemId is { } item)
        {
            dependencies = dependencies.Where(d => d.ConsumerItemId == item || d.ProducerItemId == item);
        }
        var rows = await RowsAsync(await dependencies.ToListAsync(ct), ct);
        return [.. rows
            .Where(r => filter.WaitingOrganisationId is not { } waiting || r.Consumer.OrganisationId == waiting)
            .Where(r => filter.WaitedOnOrganisationId is not { } waitedOn || r.Producer.OrganisationId == waitedOn)
            .Where(r => filter.OffTrack is not { } offTrack || r.IsOffTrack == offTrack)
            .OrderBy(r => r.Dependency.State.IsOpen() ? 0 : 1).ThenByDescending(r => r.IsOffTrack)
            .ThenBy(r => r.Consumer.DueOn ?? DateOnly.MaxValue).ThenBy(r => r.Consumer.Title, StringComparer.Ordinal).ThenBy(r => r.Dependency.Id)];
    }

    public async Task<DependencyRow> GetAsync(Guid id, CancellationToken ct)
    {
        var dependency = await db.Dependencies.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct)
            ?? throw new NotFoundException("There is no such dependency in this system.");
        return (await RowsAsync([dependency], ct)).Single();
    }

    /// <summary>What each consuming item is at risk from: the off-track dependencies' words, by item, for the board's cards.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> AtRiskAsync(CancellationToken ct)
    {
        var open = await db.Dependencies.AsNoTracking().Where(d => d.State == DependencyState.Requested || d.State == DependencyState.Accepted).ToListAsync(ct);
        return (await RowsAsync(open, ct)).Where(r => r.IsOffTrack)
            .GroupBy(r => r.Consumer.ItemId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(r => r.AtRisk).Distinct().Order(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Asks the producing item's organisation for it. Refused when it would close a cycle (naming it), when the same
    /// request is already open, or when it asks an item for itself. Within one organisation there is no one else to ask,
    /// so the link is accepted at once.
    /// </summary>
    public async Task<Dependency> RequestAsync(RequestDependency input, Actor actor, CancellationToken ct)
    {
        if (!actor.IsConvenor && !actor.Memberships.Any(m => m.Role is Role.OrganisationLead or Role.Contributor))
        {
            throw new ForbiddenException("Only the people of a partner, or a convenor, can say what an item needs from another.");
        }
        var errors = new InputErrors();
        var consumer = input.ConsumerItemId is { } c ? await db.WorkItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == c, ct) : null;
        var producer = input.ProducerItemId is { } p ? await db.WorkItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == p, ct) : null;
        if (consumer is null)
        {
            errors.Add(nameof(input.ConsumerItemId), "Select the item that needs the other");
        }
        else
        {
            WorkItem.RequireOwner(actor, consumer.OwnerOrganisationId, "say what this item needs");
        }
        var note = errors.OptionalText(nameof(input.Note), "What you need", input.Note, Dependency.NoteMaxLength);
        if (producer is null)
        {
            errors.Add(nameof(input.ProducerItemId), "Select the item this one needs");
        }
        else if (consumer is not null && producer.Id == consumer.Id)
        {
            errors.Add(nameof(input.ProducerItemId), "An item cannot depend on itself: select another item");
        }
        else if (consumer is not null)
        {
            var edges = await db.Dependencies.AsNoTracking().Where(d => d.State != DependencyState.Declined && d.State != DependencyState.Withdrawn)
                .Select(d => new { d.ConsumerItemId, d.ProducerItemId, d.State }).ToListAsync(ct);
            if (edges.Any(e => e.ConsumerItemId == consumer.Id && e.ProducerItemId == producer.Id && e.State.IsOpen()))
            {
                errors.Add(nameof(input.ProducerItemId), $"{consumer.Title} already waits on {producer.Title}");
            }
            else if (PathBetween(producer.Id, consumer.Id, edges.Select(e => (e.ConsumerItemId, e.ProducerItemId)).ToList()) is { } path)
            {
                var ids = path.Prepend(consumer.Id).ToList();
                var titles = await db.WorkItems.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Title, ct);
                errors.Add(nameof(input.ProducerItemId),
                    $"That would make a cycle, so no item in it could finish first: {string.Join(" → ", ids.Select(i => titles[i]))}");
            }
        }
        errors.ThrowIfAny();
        var now = clock.GetUtcNow().UtcDateTime;
        var sameOrganisation = consumer!.OwnerOrganisationId == producer!.OwnerOrganisationId;
        var dependency = new Dependency
        {
            SystemId = actor.SystemId, ConsumerItemId = consumer.Id, ProducerItemId = producer.Id, Note = note, RequestedByName = actor.DisplayName, RequestedAtUtc = now,
            State = sameOrganisation ? DependencyState.Accepted : DependencyState.Requested,
            AnsweredByName = sameOrganisation ? actor.DisplayName : null, AnsweredAtUtc = sameOrganisation ? now : null,
        };
        db.Dependencies.Add(dependency);
        db.Audit(actor, now, "DependencyRequested", EntityType, dependency.Id, consumer.Title, null, dependency.Snapshot(consumer.Title, producer.Title));
        await db.SaveChangesAsync(ct);
        return dependency;
    }

    /// <summary>The producing organisation commits a date.</summary>
    public async Task<Dependency> AcceptAsync(Guid id, AcceptDependency input, Guid? expectedVersion, Actor actor, CancellationToken ct) =>
        await AnswerAsync(id, expectedVersion, actor, "DependencyAccepted", (d, errors) =>
        {
            RequireState(errors, d, DependencyState.Requested, "Only a request not yet answered can be accepted");
            if (input.CommittedOn is not { } on)
            {
                errors.Add(nameof(input.CommittedOn), "Enter the date you commit to");
                return;
            }
            d.State = DependencyState.Accepted;
            d.CommittedOn = on;
        }, producerOnly: true, ct);

    /// <summary>The producing organisation says no, and why, so the consuming one can plan around it.</summary>
    public async Task<Dependency> DeclineAsync(Guid id, DeclineDependency input, Guid? expectedVersion, Actor actor, CancellationToken ct) =>
        await AnswerAsync(id, expectedVersion, actor, "DependencyDeclined", (d, errors) =>
        {
            RequireState(errors, d, DependencyState.Requested, "Only a request not yet answered can be declined");
            var reason = errors.RequiredText(nameof(input.Reason), "Reason", input.Reason, Dependency.ReasonMaxLength,
                "Say why you decline, so the organisation that asked can plan around it");
            d.State = DependencyState.Declined;
            d.DeclineReason = reason;
        }, producerOnly: true, ct);

    /// <summary>The producing organisation has delivered what was needed.</summary>
    public async Task<Dependency> DeliverAsync(Guid id, Guid? expectedVersion, Actor actor, CancellationToken ct) =>
        await AnswerAsync(id, expectedVersion, actor, "DependencyDelivered", (d, errors) =>
        {
            RequireState(errors, d, DependencyState.Accepted, "Only an accepted dependency can be delivered");
            d.State = DependencyState.Delivered;
            d.DeliveredAtUtc = clock.GetUtcNow().UtcDateTime;
        }, producerOnly: true, ct);

    /// <summary>Either side calls off what is not yet delivered; the request stays in the history.</summary>
    public async Task<Dependency> WithdrawAsync(Guid id, Guid? expectedVersion, Actor actor, CancellationToken ct) =>
        await AnswerAsync(id, expectedVersion, actor, "DependencyWithdrawn", (d, errors) =>
        {
            if (!d.State.IsOpen())
            {
                errors.Add(nameof(Dependency.State), "Only a dependency not yet delivered, declined or withdrawn can be withdrawn");
                return;
            }
            d.State = DependencyState.Withdrawn;
            (d.WithdrawnByName, d.WithdrawnAtUtc) = (actor.DisplayName, clock.GetUtcNow().UtcDateTime);
        }, producerOnly: false, ct);

    /// <summary>Open dependencies counted by waiting organisation and organisation waited on, with how many are off track.</summary>
    public async Task<WhoWaitsOnWhom> WhoWaitsOnWhomAsync(CancellationToken ct)
    {
        var open = await ListAsync(new DependencyFilter(), ct);
        var cells = open.Where(r => r.Dependency.State.IsOpen() && r.IsBetweenOrganisations)
            .GroupBy(r => (r.Consumer.OrganisationId, r.Producer.OrganisationId))
            .Select(g => new WaitCell(g.Key.Item1, g.Key.Item2, g.Count(), g.Count(r => r.IsOffTrack))).ToList();
        var involved = cells.SelectMany(c => new[] { c.WaitingId, c.WaitedOnId }).ToHashSet();
        var names = open.SelectMany(r => new[] { (r.Consumer.OrganisationId, r.Consumer.Organisation), (r.Producer.OrganisationId, r.Producer.Organisation) })
            .Where(o => involved.Contains(o.Item1)).Distinct().OrderBy(o => o.Item2, StringComparer.Ordinal).ToList();
        return new WhoWaitsOnWhom(names, cells);
    }

    /// <summary>
    /// What waits on a person for their organisations: requests to answer, accepted dependencies to deliver that are off
    /// track, and other organisations' items blocked on theirs.
    /// </summary>
    public async Task<IReadOnlyList<WaitingItem>> WaitingForAsync(Actor actor, CancellationToken ct)
    {
        var mine = actor.Memberships.Where(m => m.Role is Role.OrganisationLead or Role.Contributor).Select(m => m.OrganisationId).ToHashSet();
        if (mine.Count == 0)
        {
            return [];
        }
        var open = await db.Dependencies.AsNoTracking().Where(d => d.State == DependencyState.Requested || d.State == DependencyState.Accepted).ToListAsync(ct);
        var rows = (await RowsAsync(open, ct)).Where(r => mine.Contains(r.Producer.OrganisationId) && r.IsBetweenOrganisations).ToList();
        var blocked = await (from i in db.WorkItems.AsNoTracking()
                             join o in db.Organisations on i.OwnerOrganisationId equals o.Id
                             join b in db.Organisations on i.BlockedOnOrganisationId equals b.Id
                             where i.Status == WorkItemStatus.Blocked && i.BlockedOnOrganisationId != null && mine.Contains(i.BlockedOnOrganisationId.Value)
                                 && i.OwnerOrganisationId != i.BlockedOnOrganisationId
                             select new { i.Id, i.Title, i.BlockedReason, i.StatusSinceUtc, Owner = o.Name, BlockedOn = b.Name }).ToListAsync(ct);
        return
        [
            .. rows.Where(r => r.Dependency.State == DependencyState.Requested).OrderBy(r => r.Dependency.RequestedAtUtc)
                .Select(r => new WaitingItem(WaitingKind.DependencyRequest, $"{r.Consumer.Organisation} needs {r.Producer.Title} for {r.Consumer.Title}",
                    $"Asked of {r.Producer.Organisation} by {r.Dependency.RequestedByName} on {Prose.Date(r.Dependency.RequestedAtUtc)}: accept with a date, or decline",
                    r.Consumer.DueOn, $"work/items/{r.Producer.ItemId}?answer={r.Dependency.Id}#answer")),
            .. rows.Where(r => r.Dependency.State == DependencyState.Accepted && r.IsOffTrack).OrderBy(r => r.OffTrackSince)
                .Select(r => new WaitingItem(WaitingKind.DependencyOffTrack, $"{r.Producer.Title} is off track for {r.Consumer.Organisation}'s {r.Consumer.Title}",
                    string.Join("; ", r.OffTrackReasons), r.Consumer.DueOn, $"work/items/{r.Producer.ItemId}#needed-by")),
            .. blocked.OrderBy(b => b.StatusSinceUtc)
                .Select(b => new WaitingItem(WaitingKind.BlockedOnYou, $"{b.Owner}'s {b.Title} is blocked on {b.BlockedOn}",
                    $"{b.BlockedReason}; blocked since {Prose.Date(b.StatusSinceUtc)}", null, $"work/items/{b.Id}")),
        ];
    }

    /// <summary>
    /// What the given organisations wait on others for: their requests not yet answered, and their items blocked on
    /// another organisation. The other side's list has the same things to act on.
    /// </summary>
    public async Task<IReadOnlyList<WaitingItem>> AwaitedByAsync(IReadOnlyCollection<Guid> organisations, CancellationToken ct)
    {
        var requested = await db.Dependencies.AsNoTracking().Where(d => d.State == DependencyState.Requested).ToListAsync(ct);
        var rows = (await RowsAsync(requested, ct)).Where(r => organisations.Contains(r.Consumer.OrganisationId) && !organisations.Contains(r.Producer.OrganisationId));
        var blocked = await (from i in db.WorkItems.AsNoTracking()
                             join o in db.Organisations on i.OwnerOrganisationId equals o.Id
                             join b in db.Organisations on i.BlockedOnOrganisationId equals b.Id
                             where i.Status == WorkItemStatus.Blocked && organisations.Contains(i.OwnerOrganisationId) && i.BlockedOnOrganisationId != null
                                 && !organisations.Contains(i.BlockedOnOrganisationId.Value)
                             orderby i.StatusSinceUtc
                             select new { i.Id, i.Title, i.DueOn, i.StatusSinceUtc, Owner = o.Name, BlockedOn = b.Name }).ToListAsync(ct);
        return
        [
            .. rows.OrderBy(r => r.Dependency.RequestedAtUtc).Select(r => new WaitingItem(WaitingKind.DependencyAwaitingAnswer,
                $"{r.Producer.Organisation} has not yet answered {r.Consumer.Organisation}'s request for {r.Producer.Title}",
                $"Needed for {r.Consumer.Title}; asked on {Prose.Date(r.Dependency.RequestedAtUtc)}", r.Consumer.DueOn, $"work/items/{r.Consumer.ItemId}#depends-on")),
            .. blocked.Select(b => new WaitingItem(WaitingKind.BlockedOnOthers, $"{b.Owner}'s {b.Title} is waiting on {b.BlockedOn}",
                $"Blocked since {Prose.Date(b.StatusSinceUtc)}", b.DueOn, $"work/items/{b.Id}")),
        ];
    }

    /// <summary>The list as a table to download.</summary>
    public static Table ToTable(IReadOnlyList<DependencyRow> rows) => new(
        ["id", "waiting_organisation", "item", "item_due", "waited_on_organisation", "needs", "needs_due", "needs_status", "state", "requested_on", "committed_date",
            "decline_reason", "off_track", "off_track_because"],
        [.. rows.Select(r => (IReadOnlyList<object?>)[r.Dependency.Id.ToString(), r.Consumer.Organisation, r.Consumer.Title, r.Consumer.DueOn, r.Producer.Organisation,
            r.Producer.Title, r.Producer.DueOn, r.Producer.Status.InWords(), r.Dependency.State.InWords(), DateOnly.FromDateTime(r.Dependency.RequestedAtUtc),
            r.Dependency.CommittedOn, r.Dependency.DeclineReason, r.IsOffTrack ? "yes" : "no", string.Join("; ", r.OffTrackReasons)])]);

    /// <summary>The path from one item to another along dependencies (each item then the one it needs), or null when there is none.</summary>
    private static List<Guid>? PathBetween(Guid from, Guid to, IReadOnlyList<(Guid Consumer, Guid Producer)> edges)
    {
        var next = edges.ToLookup(e => e.Consumer, e => e.Producer);
        var cameFrom = new Dictionary<Guid, Guid> { [from] = from };
        var queue = new Queue<Guid>([from]);
        while (queue.TryDequeue(out var at))
        {
            if (at == to)
            {
                var path = new List<Guid> { to };
                while (path[^1] != from)
                {
                    path.Add(cameFrom[path[^1]]);
                }
                path.Reverse();
                return path;
            }
            foreach (var n in next[at].Where(n => cameFrom.TryAdd(n, at)))
            {
                queue.Enqueue(n);
            }
        }
        return null;
    }

    private static void RequireState(InputErrors errors, Dependency d, DependencyState state, string message)
    {
        if (d.State != state)
        {
            errors.Add(nameof(Dependency.State), $"{message}: this one is {Prose.Clause(d.State.InWords())}");
        }
    }

    /// <summary>
    /// Changes a dependency against the version read. Only the producing organisation's people answer and deliver (a
    /// convenor answers for no organisation); either side's people, or a convenor for the consuming side, withdraw.
    /// </summary>
    private async Task<Dependency> AnswerAsync(Guid id, Guid? expectedVersion, Actor actor, string action, Action<Dependency, InputErrors> change, bool producerOnly,
        CancellationToken ct)
    {
        var dependency = await db.Dependencies.SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("There is no such dependency in this system.");
        var items = await db.WorkItems.AsNoTracking().Where(i => i.Id == dependency.ConsumerItemId || i.Id == dependency.ProducerItemId)
            .ToDictionaryAsync(i => i.Id, ct);
        var (consumer, producer) = (items[dependency.ConsumerItemId], items[dependency.ProducerItemId]);
        var producing = actor.IsOperator || actor.CanContributeFor(producer.OwnerOrganisationId);
        var consuming = actor.IsOperator || actor.IsConvenor || actor.CanContributeFor(consumer.OwnerOrganisationId);
        if (!producing && (producerOnly || !consuming))
        {
            var organisation = await db.Organisations.Where(o => o.Id == producer.OwnerOrganisationId).Select(o => o.Name).SingleAsync(ct);
            throw new ForbiddenException(producerOnly
                ? $"Only the people of {organisation} answer for its work: no one answers for another organisation."
                : "Only the people of the two organisations, or a convenor for the one that asked, can withdraw this dependency.");
        }
        var before = dependency.Snapshot(consumer.Title, producer.Title);
        if (!dependency.Version.Matches(expectedVersion, "dependency"))
        {
            throw new EditConflictException(consumer.Title, dependency.Version, before);
        }
        var errors = new InputErrors();
        change(dependency, errors);
        errors.ThrowIfAny();
        var now = clock.GetUtcNow().UtcDateTime;
        if (action is "DependencyAccepted" or "DependencyDeclined")
        {
            (dependency.AnsweredByName, dependency.AnsweredAtUtc) = (actor.DisplayName, now);
        }
        db.Entry(dependency).Property(d => d.Version).OriginalValue = dependency.Version;
        db.Audit(actor, now, action, EntityType, dependency.Id, consumer.Title, before, dependency.Snapshot(consumer.Title, producer.Title));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Dependencies.AsNoTracking().SingleAsync(d => d.Id == id, ct);
            throw new EditConflictException(consumer.Title, current.Version, current.Snapshot(consumer.Title, producer.Title));
        }
        return dependency;
    }

    /// <summary>Both ends of each dependency, read in two queries whatever the number, with the off-track rule applied as of today.</summary>
    private async Task<IReadOnlyList<DependencyRow>> RowsAsync(List<Dependency> dependencies, CancellationToken ct)
    {
        if (dependencies.Count == 0)
        {
            return [];
        }
        var ids = dependencies.SelectMany(d => new[] { d.ConsumerItemId, d.ProducerItemId }).Distinct().ToList();
        var ends = await (from i in db.WorkItems.AsNoTracking()
                          join o in db.Organisations on i.OwnerOrganisationId equals o.Id
                          where ids.Contains(i.Id)
                          select new DependencyEnd(i.Id, i.Title, i.OwnerOrganisationId, o.Name, i.Status, i.StatusSinceUtc, i.DueOn)).ToDictionaryAsync(e => e.ItemId, ct);
        var today = UkCalendar.Today(clock);
        return [.. dependencies.Select(d => DependencyRow.Of(d, ends[d.ConsumerItemId], ends[d.ProducerItemId], today))];
    }
}
