using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.History;
using Concordat.Core.Partnerships;
using Concordat.Core.Tables;
using Concordat.Core.Waiting;
using Concordat.Core.Words;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Raid;

/// <summary>
/// The fields of a RAID entry as its owner sets them; only those of the entry's kind are read. The kind is chosen when
/// the entry is added and never changes.
/// </summary>
public sealed record SaveRaidEntry(RaidKind? Kind, string? Text, RaidStatus? Status = null, Guid? OwnerOrganisationId = null,
    string? Cause = null, string? Effect = null, int? Likelihood = null, int? Impact = null, RiskResponse? Response = null, string? Mitigation = null,
    int? ResidualLikelihood = null, int? ResidualImpact = null, DateOnly? ReviewOn = null, Guid? ForumId = null,
    string? CheckHow = null, DateOnly? CheckOn = null, string? IssueImpact = null, string? Resolution = null, string? Authority = null, DateOnly? DecidedOn = null,
    IReadOnlyList<Guid>? GoalIds = null, IReadOnlyList<Guid>? WorkstreamIds = null, IReadOnlyList<Guid>? WorkItemIds = null);

/// <summary>
/// Filters of the log, each optional. <see cref="Band"/> is a risk's current band: after mitigation when the residual
/// score is set, before it otherwise. <see cref="Overdue"/> keeps open risks whose review, and open assumptions whose
/// check, falls before today. Goal and workstream keep the entries linked to them.
/// </summary>
public sealed record RaidFilter(RaidKind? Kind = null, Guid? OwnerOrganisationId = null, RiskBand? Band = null, RaidStatus? Status = null, bool Overdue = false,
    Guid? GoalId = null, Guid? WorkstreamId = null)
{
    public bool IsEmpty => this == new RaidFilter(Kind);
}

/// <summary>An entry as the log lists it, with the names it refers to and whether its review or check is overdue.</summary>
public sealed record RaidRow(RaidEntry Entry, string? OwnerOrganisation, string? Forum, bool IsOverdue)
{
    public RiskBand? InherentBand => Entry.InherentScore is { } s ? RiskMatrix.Band(s) : null;
    public RiskBand? ResidualBand => Entry.ResidualScore is { } s ? RiskMatrix.Band(s) : null;
}

public sealed record RaidDetail(RaidRow Row, IReadOnlyList<(Guid Id, string Title)> Goals, IReadOnlyList<(Guid Id, string Name)> Workstreams,
    IReadOnlyList<(Guid Id, string Title)> WorkItems);

/// <summary>One cell of the 5×5 heat map: how many open risks score this likelihood and impact.</summary>
public sealed record HeatMapCell(int Likelihood, int Impact, int Count)
{
    public int Score => RiskMatrix.Score(Likelihood, Impact);
    public RiskBand Band => RiskMatrix.Band(Score);
}

/// <summary>
/// The work programme's RAID log. Risks, assumptions and issues are changed by the people of their owner organisation
/// and by convenors; decisions by convenors and the people of the forum's member organisations. Every partner's people
/// and viewers read the whole log.
/// </summary>
public sealed class RaidService(ConcordatDb db, TimeProvider clock)
{
    public const string EntityType = "RaidEntry";

    /// <summary>How far ahead a risk review or an assumption check shows as waiting on its owner.</summary>
    public const int NoticeDays = 7;

    /// <summary>
    /// Entries matching the filter, read in one query. Risks are in register order: highest residual score first, then
    /// highest inherent; open entries come before closed ones. A kind, band or status that is not one of theirs is
    /// refused, naming the filter.
    /// </summary>
    public async Task<IReadOnlyList<RaidRow>> ListAsync(RaidFilter filter, CancellationToken ct)
    {
        var errors = new InputErrors();
        if (filter.Kind is { } badKind && !Enum.IsDefined(badKind))
        {
            errors.Add("kind", "Choose risks, assumptions, issues or decisions");
        }
        if (filter.Band is { } badBand && !Enum.IsDefined(badBand))
        {
            errors.Add("band", "Choose the band: low, moderate, high or extreme");
        }
        if (filter.Status is { } badStatus && !Enum.IsDefined(badStatus))
        {
            errors.Add("status", "Choose open or closed");
        }
        errors.ThrowIfAny();
        var today = UkCalendar.Today(clock);
        var entries = db.RaidEntries.AsNoTracking();
        if (filter.Kind is { } k)
        {
            entries = entries.Where(e => e.Kind == k);
        }
        if (filter.OwnerOrganisationId is { } owner)
        {
            entries = entries.Where(e => e.OwnerOrganisationId == owner);
        }
        if (filter.Band is { } band)
        {
            var (lowest, highest) = RiskMatrix.Scores(band);
            entries = entries.Where(e => e.Likelihood != null && e.Impact != null)
                .Where(e => (e.ResidualLikelihood != null && e.ResidualImpact != null ? e.ResidualLikelihood * e.ResidualImpact : e.Likelihood * e.Impact) >= lowest
                    && (e.ResidualLikelihood != null && e.ResidualImpact != null ? e.ResidualLikelihood * e.ResidualImpact : e.Likelihood * e.Impact) <= highest);
        }
        if (filter.Status is { } status)
        {
            entries = entries.Where(e => e.Status == status);
        }
        if (filter.Overdue)
        {
            // As RaidEntry.IsOverdue reads it, in the query.
            entries = entries.Where(e => e.Status == RaidStatus.Open
                && ((e.Kind == RaidKind.Risk && e.ReviewOn < today) || (e.Kind == RaidKind.Assumption && e.CheckOn < today)));
        }
        if (filter.GoalId is { } goal)
        {
            entries = entries.Where(e => e.Goals.Any(g => g.GoalId == goal));
        }
        if (filter.WorkstreamId is { } workstream)
        {
            entries = entries.Where(e => e.Workstreams.Any(w => w.WorkstreamId == workstream));
        }
        var rows = await entries
            .Select(e => new
            {
                Entry = e,
                Owner = db.Organisations.Where(o => o.Id == e.OwnerOrganisationId).Select(o => o.Name).SingleOrDefault(),
                Forum = db.Forums.Where(f => f.Id == e.ForumId).Select(f => f.Name).SingleOrDefault(),
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new RaidRow(r.Entry, r.Owner, r.Forum, r.Entry.IsOverdue(today)))
            .OrderBy(r => r.Entry.Kind)
            .ThenBy(r => r.Entry.Status)
            .ThenByDescending(r => r.Entry.ResidualScore ?? 0)
            .ThenByDescending(r => r.Entry.InherentScore ?? 0)
            .ThenByDescending(r => r.Entry.DecidedOn ?? DateOnly.MinValue)
            .ThenBy(r => r.Entry.ReviewOn ?? r.Entry.CheckOn ?? DateOnly.MaxValue)
            .ThenBy(r => r.Entry.CreatedAtUtc)
            .ThenBy(r => r.Entry.Id)];
    }

    public async Task<RaidDetail> GetAsync(Guid id, CancellationToken ct)
    {
        var entry = await db.RaidEntries.AsNoTracking().Include(e => e.Goals).Include(e => e.Workstreams).Include(e => e.WorkItems).AsSplitQuery()
            .SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("There is no such entry in this system's RAID log.");
        var names = await NamesAsync(entry, ct);
        string? Name(Guid? of) => of is { } known ? names.GetValueOrDefault(known) : null;
        var row = new RaidRow(entry, Name(entry.OwnerOrganisationId), Name(entry.ForumId), entry.IsOverdue(UkCalendar.Today(clock)));
        return new RaidDetail(row,
            [.. entry.Goals.Select(g => (g.GoalId, names.GetValueOrDefault(g.GoalId, "?"))).OrderBy(g => g.Item2, StringComparer.Ordinal)],
            [.. entry.Workstreams.Select(w => (w.WorkstreamId, names.GetValueOrDefault(w.WorkstreamId, "?"))).OrderBy(w => w.Item2, StringComparer.Ordinal)],
            [.. entry.WorkItems.Select(w => (w.WorkItemId, names.GetValueOrDefault(w.WorkItemId, "?"))).OrderBy(w => w.Item2, StringComparer.Ordinal)]);
    }

    public async Task<RaidEntry> CreateAsync(SaveRaidEntry input, Actor actor, CancellationToken ct)
    {
        if (!actor.IsConvenor && !actor.Memberships.Any(m => m.Role is Role.OrganisationLead or Role.Contributor))
        {
            throw new ForbiddenException("Only the people of a partner, or a convenor, can add to the RAID log.");
        }
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            throw new InputInvalidException(nameof(input.Kind), "Select whether it is a risk, an assumption, an issue or a decision");
        }
        var errors = new InputErrors();
        var entry = new RaidEntry { SystemId = actor.SystemId, Kind = kind, Text = "", CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        await ValidateAsync(entry, input, errors, ct);
        await RequireMayChangeAsync(actor, entry, ct);
        db.RaidEntries.Add(entry);
        db.Audit(actor, entry.CreatedAtUtc, "RaidEntryAdded", EntityType, entry.Id, entry.Text, null, entry.Snapshot(await NamesAsync(entry, ct)));
        await db.SaveChangesAsync(ct);
        return entry;
    }

    /// <summary>
    /// Changes an entry against the version its editor read. Only a convenor hands a risk, assumption or issue to
    /// another organisation, as with work items; a decision moves to another forum only for someone who may change
    /// decisions of both.
    /// </summary>
    public async Task<RaidEntry> UpdateAsync(Guid id, SaveRaidEntry input, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        var entry = await db.RaidEntries.Include(e => e.Goals).Include(e => e.Workstreams).Include(e => e.WorkItems).AsSplitQuery()
            .SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("There is no such entry in this system's RAID log.");
        await RequireMayChangeAsync(actor, entry, ct);
        var before = entry.Snapshot(await NamesAsync(entry, ct));
        if (!entry.Version.Matches(expectedVersion, "entry"))
        {
            throw new EditConflictException(entry.Text, entry.Version, before);
        }
        var owner = entry.OwnerOrganisationId;
        db.Entry(entry).Property(e => e.Version).OriginalValue = entry.Version;
        db.RaidEntryGoals.RemoveRange(entry.Goals);
        db.RaidEntryWorkstreams.RemoveRange(entry.Workstreams);
        db.RaidEntryWorkItems.RemoveRange(entry.WorkItems);
        entry.Goals.Clear();
        entry.Workstreams.Clear();
        entry.WorkItems.Clear();
        var errors = new InputErrors();
        if (input.Kind is { } kind && kind != entry.Kind)
        {
            errors.Add(nameof(input.Kind), $"An entry stays the kind it was added as: add a new {Prose.Clause(kind.InWords())} instead");
        }
        await ValidateAsync(entry, input, errors, ct);
        if (entry.Kind != RaidKind.Decision && entry.OwnerOrganisationId != owner && !actor.IsConvenor)
        {
            throw new InputInvalidException(nameof(input.OwnerOrganisationId), "Only a convenor can hand the entry to another organisation");
        }
        await RequireMayChangeAsync(actor, entry, ct);
        var after = entry.Snapshot(await NamesAsync(entry, ct));
        if (before.SequenceEqual(after))
        {
            db.ChangeTracker.Clear();
            return entry;
        }
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "RaidEntryChanged", EntityType, entry.Id, entry.Text, before, after);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.RaidEntries.AsNoTracking().Include(e => e.Goals).Include(e => e.Workstreams).Include(e => e.WorkItems).AsSplitQuery()
                .SingleAsync(e => e.Id == id, ct);
            throw new EditConflictException(current.Text, current.Version, current.Snapshot(await NamesAsync(current, ct)));
        }
        return entry;
    }

    /// <summary>Whether the actor may change the entry as it stands (for pages, to offer the change link).</summary>
    public async Task<bool> MayChangeAsync(Actor actor, RaidEntry entry, CancellationToken ct)
    {
        if (actor.IsConvenor)
        {
            return true;
        }
        if (entry.Kind != RaidKind.Decision)
        {
            return entry.OwnerOrganisationId is { } owner && actor.CanContributeFor(owner);
        }
        var members = await db.Forums.Where(f => f.Id == entry.ForumId).SelectMany(f => f.Members).Select(m => m.OrganisationId).ToListAsync(ct);
        return members.Any(actor.CanContributeFor);
    }

    private async Task RequireMayChangeAsync(Actor actor, RaidEntry entry, CancellationToken ct)
    {
        if (!await MayChangeAsync(actor, entry, ct))
        {
            throw new ForbiddenException(entry.Kind == RaidKind.Decision
                ? "Only convenors and the people of the forum's member organisations can record or change its decisions."
                : "Only the people of the organisation that owns this entry, or a convenor, can add or change it.");
        }
    }

    /// <summary>
    /// Risk reviews due within <see cref="NoticeDays"/> (or overdue) and assumptions due to be checked, of the
    /// organisations the person works for; soonest first.
    /// </summary>
    public async Task<IReadOnlyList<WaitingItem>> WaitingForAsync(Actor actor, CancellationToken ct)
    {
        var organisations = actor.Memberships.Where(m => m.Role is Role.OrganisationLead or Role.Contributor).Select(m => m.OrganisationId).Distinct().ToList();
        if (organisations.Count == 0)
        {
            return [];
        }
        var today = UkCalendar.Today(clock);
        var horizon = today.AddDays(NoticeDays);
        var due = await db.RaidEntries.AsNoTracking()
            .Where(e => e.Status == RaidStatus.Open && e.OwnerOrganisationId != null && organisations.Contains(e.OwnerOrganisationId.Value)
                && ((e.Kind == RaidKind.Risk && e.ReviewOn <= horizon) || (e.Kind == RaidKind.Assumption && e.CheckOn <= horizon)))
            .Select(e => new { e.Id, e.Kind, e.Text, On = e.Kind == RaidKind.Risk ? e.ReviewOn!.Value : e.CheckOn!.Value,
                Owner = db.Organisations.Where(o => o.Id == e.OwnerOrganisationId).Select(o => o.Name).Single() })
            .ToListAsync(ct);
        return [.. due.OrderBy(d => d.On).ThenBy(d => d.Text, StringComparer.Ordinal).Select(d => d.Kind == RaidKind.Risk
            ? new WaitingItem(WaitingKind.RiskReview, $"Review {d.Owner}'s risk: {d.Text}",
                d.On < today ? $"The review has been overdue since {Prose.Date(d.On)}" : $"The review is due by {Prose.Date(d.On)}", d.On, $"raid/{d.Id}")
            : new WaitingItem(WaitingKind.AssumptionCheck, $"Check {d.Owner}'s assumption: {d.Text}",
                d.On < today ? $"The check has been overdue since {Prose.Date(d.On)}" : $"The check is due by {Prose.Date(d.On)}", d.On, $"raid/{d.Id}"))];
    }

    /// <summary>The 25 cells of the heat map, likelihood 5 (top row) to 1, impact 1 to 5, counting open risks by inherent or residual score.</summary>
    public static IReadOnlyList<HeatMapCell> HeatMap(IEnumerable<RaidEntry> entries, bool residual)
    {
        var scored = entries.Where(e => e.Kind == RaidKind.Risk && e.Status == RaidStatus.Open)
            .Select(e => residual ? (L: e.ResidualLikelihood, I: e.ResidualImpact) : (L: e.Likelihood, I: e.Impact))
            .Where(s => s.L is not null && s.I is not null)
            .ToList();
        return [.. Enumerable.Range(RiskMatrix.Min, RiskMatrix.Max).Reverse().SelectMany(l => Enumerable.Range(RiskMatrix.Min, RiskMatrix.Max)
            .Select(i => new HeatMapCell(l, i, scored.Count(s => s.L == l && s.I == i))))];
    }

    /// <summary>One kind's entries as a table to download, with the columns of that kind.</summary>
    public static Table ToTable(RaidKind kind, IReadOnlyList<RaidRow> rows)
    {
        IReadOnlyList<string> common = ["id", "status", "owner"];
        IReadOnlyList<string> header = kind switch
        {
            RaidKind.Risk => [.. common, "cause", "event", "effect", "likelihood", "impact", "inherent_score", "inherent_band", "response", "mitigation",
                "residual_likelihood", "residual_impact", "residual_score", "residual_band", "review_on", "review_overdue", "escalated_to"],
            RaidKind.Assumption => [.. common, "statement", "checked_how", "check_on", "check_overdue"],
            RaidKind.Issue => [.. common, "description", "impact", "resolution"],
            RaidKind.Decision => ["id", "status", "decision", "forum", "authority", "decided_on"],
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        return new Table(header, [.. rows.Where(r => r.Entry.Kind == kind).Select(r =>
        {
            var e = r.Entry;
            IReadOnlyList<object?> start = [e.Id.ToString(), e.Status.InWords(), r.OwnerOrganisation];
            return (IReadOnlyList<object?>)(kind switch
            {
                RaidKind.Risk => [.. start, e.Cause, e.Text, e.Effect, e.Likelihood, e.Impact, e.InherentScore, r.InherentBand?.InWords(), e.Response?.InWords(),
                    e.Mitigation, e.ResidualLikelihood, e.ResidualImpact, e.ResidualScore, r.ResidualBand?.InWords(), e.ReviewOn, Prose.YesNo(r.IsOverdue), r.Forum],
                RaidKind.Assumption => [.. start, e.Text, e.CheckHow, e.CheckOn, Prose.YesNo(r.IsOverdue)],
                RaidKind.Issue => [.. start, e.Text, e.IssueImpact, e.Resolution],
                _ => [e.Id.ToString(), e.Status.InWords(), e.Text, r.Forum, e.Authority, e.DecidedOn],
            });
        })]);
    }

    /// <summary>Checks every field of the entry's kind, reporting all problems at once, and applies them to the entry.</summary>
    private async Task ValidateAsync(RaidEntry entry, SaveRaidEntry input, InputErrors errors, CancellationToken ct)
    {
        var kind = entry.Kind;
        entry.Text = errors.RequiredText(nameof(input.Text), kind == RaidKind.Decision ? "Decision" : kind.InWords(), input.Text, RaidEntry.TextMaxLength, kind switch
        {
            RaidKind.Risk => "Describe the risk event: what might happen",
            RaidKind.Assumption => "State the assumption",
            RaidKind.Issue => "Describe the issue",
            _ => "Say what was decided",
        });
        if (input.Status is { } status && !Enum.IsDefined(status))
        {
            errors.Add(nameof(input.Status), "Select open or closed");
        }
        entry.Status = input.Status is { } s && Enum.IsDefined(s) ? s : RaidStatus.Open;

        var forums = await db.Forums.AsNoTracking().Select(f => f.Id).ToListAsync(ct);
        if (kind == RaidKind.Decision)
        {
            entry.OwnerOrganisationId = null;
            if (input.ForumId is not { } forum || !forums.Contains(forum))
            {
                errors.Add(nameof(input.ForumId), "Select the forum that took the decision");
            }
            entry.ForumId = input.ForumId;
            entry.Authority = errors.RequiredText(nameof(input.Authority), "Authority", input.Authority, RaidEntry.AuthorityMaxLength,
                "Say under what authority the forum decided, such as its terms of reference or a delegation");
            if (input.DecidedOn is not { } on)
            {
                errors.Add(nameof(input.DecidedOn), "Enter the date of the decision");
            }
            else if (on > UkCalendar.Today(clock))
            {
                errors.Add(nameof(input.DecidedOn), "The date of the decision must be today or in the past");
            }
            entry.DecidedOn = input.DecidedOn;
        }
        else
        {
            if (input.OwnerOrganisationId is not { } owner || !await db.Organisations.AnyAsync(o => o.Id == owner && o.IsPartner, ct))
            {
                errors.Add(nameof(input.OwnerOrganisationId), "Select the organisation that owns it");
            }
            entry.OwnerOrganisationId = input.OwnerOrganisationId;
        }

        if (kind == RaidKind.Risk)
        {
            entry.Cause = errors.RequiredText(nameof(input.Cause), "Cause", input.Cause, RaidEntry.TextMaxLength, "Describe the cause: what gives rise to the risk");
            entry.Effect = errors.RequiredText(nameof(input.Effect), "Effect", input.Effect, RaidEntry.TextMaxLength, "Describe the effect if the risk happens");
            entry.Likelihood = Score(errors, nameof(input.Likelihood), input.Likelihood, "likelihood");
            entry.Impact = Score(errors, nameof(input.Impact), input.Impact, "impact");
            if (input.Response is not { } response || !Enum.IsDefined(response))
            {
                errors.Add(nameof(input.Response), "Select the response: avoid, reduce, transfer or share, or accept");
            }
            entry.Response = input.Response;
            entry.Mitigation = errors.OptionalText(nameof(input.Mitigation), "Mitigation", input.Mitigation, RaidEntry.LongTextMaxLength);
            entry.ResidualLikelihood = Score(errors, nameof(input.ResidualLikelihood), input.ResidualLikelihood, "likelihood after mitigation");
            entry.ResidualImpact = Score(errors, nameof(input.ResidualImpact), input.ResidualImpact, "impact after mitigation");
            if (entry.InherentScore is { } inherent && entry.ResidualScore is { } residual && residual > inherent)
            {
                errors.Add(nameof(input.ResidualLikelihood), $"The score after mitigation ({residual}) cannot be higher than before it ({inherent})");
            }
            if (input.ReviewOn is null)
            {
                errors.Add(nameof(input.ReviewOn), "Enter the date of the next review");
            }
            entry.ReviewOn = input.ReviewOn;
            if (input.ForumId is { } escalated && !forums.Contains(escalated))
            {
                errors.Add(nameof(input.ForumId), "Select a governance forum of this system, or none");
            }
            entry.ForumId = input.ForumId;
        }
        else if (kind == RaidKind.Assumption)
        {
            entry.CheckHow = errors.RequiredText(nameof(input.CheckHow), "How it is checked", input.CheckHow, RaidEntry.TextMaxLength, "Say how the assumption will be checked");
            if (input.CheckOn is null)
            {
                errors.Add(nameof(input.CheckOn), "Enter the date it will be checked by");
            }
            entry.CheckOn = input.CheckOn;
        }
        else if (kind == RaidKind.Issue)
        {
            entry.IssueImpact = errors.RequiredText(nameof(input.IssueImpact), "Impact", input.IssueImpact, RaidEntry.TextMaxLength, "Describe what the issue does to the work");
            entry.Resolution = errors.OptionalText(nameof(input.Resolution), "Resolution", input.Resolution, RaidEntry.LongTextMaxLength);
        }

        var goalIds = (input.GoalIds ?? []).Distinct().ToList();
        var workstreamIds = (input.WorkstreamIds ?? []).Distinct().ToList();
        var itemIds = (input.WorkItemIds ?? []).Distinct().ToList();
        if (goalIds.Count > 0 && await db.Goals.CountAsync(g => goalIds.Contains(g.Id), ct) != goalIds.Count)
        {
            errors.Add(nameof(input.GoalIds), "Select goals of this system");
        }
        if (workstreamIds.Count > 0 && await db.Workstreams.CountAsync(w => workstreamIds.Contains(w.Id), ct) != workstreamIds.Count)
        {
            errors.Add(nameof(input.WorkstreamIds), "Select workstreams of this system");
        }
        if (itemIds.Count > 0 && await db.WorkItems.CountAsync(i => itemIds.Contains(i.Id), ct) != itemIds.Count)
        {
            errors.Add(nameof(input.WorkItemIds), "Select work items of this system");
        }
        errors.ThrowIfAny();
        entry.Goals.AddRange(goalIds.Select(g => new RaidEntryGoal { SystemId = entry.SystemId, RaidEntryId = entry.Id, GoalId = g }));
        entry.Workstreams.AddRange(workstreamIds.Select(w => new RaidEntryWorkstream { SystemId = entry.SystemId, RaidEntryId = entry.Id, WorkstreamId = w }));
        entry.WorkItems.AddRange(itemIds.Select(i => new RaidEntryWorkItem { SystemId = entry.SystemId, RaidEntryId = entry.Id, WorkItemId = i }));
    }

    private static int? Score(InputErrors errors, string field, int? value, string what)
    {
        if (value is not { } v || v < RiskMatrix.Min || v > RiskMatrix.Max)
        {
            errors.Add(field, $"Select the {what}, from 1 to 5");
            return null;
        }
        return v;
    }

    /// <summary>Names of everything an entry's snapshot names.</summary>
    private async Task<Dictionary<Guid, string>> NamesAsync(RaidEntry entry, CancellationToken ct)
    {
        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        foreach (var forum in await db.Forums.AsNoTracking().Select(f => new { f.Id, f.Name }).ToListAsync(ct))
        {
            names[forum.Id] = forum.Name;
        }
        var goalIds = entry.Goals.Select(g => g.GoalId).ToList();
        var workstreamIds = entry.Workstreams.Select(w => w.WorkstreamId).ToList();
        var itemIds = entry.WorkItems.Select(w => w.WorkItemId).ToList();
        foreach (var goal in await db.Goals.AsNoTracking().Where(g => goalIds.Contains(g.Id)).Select(g => new { g.Id, g.Title }).ToListAsync(ct))
        {
            names[goal.Id] = goal.Title;
        }
        foreach (var stream in await db.Workstreams.AsNoTracking().Where(w => workstreamIds.Contains(w.Id)).Select(w => new { w.Id, w.Name }).ToListAsync(ct))
        {
            names[stream.Id] = stream.Name;
        }
        foreach (var item in await db.WorkItems.AsNoTracking().Where(i => itemIds.Contains(i.Id)).Select(i => new { i.Id, i.Title }).ToListAsync(ct))
        {
            names[item.Id] = item.Title;
        }
        return names;
    }
}
