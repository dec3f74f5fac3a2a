using Concordat.Core.Access;
using Concordat.Core.Contributions;
using Concordat.Core.Data;
using Concordat.Core.History;
using Concordat.Core.Partnerships;
using Concordat.Core.Words;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Goals;

/// <summary>
/// The fields of a goal as its drafters set them. A goal may be owned by a governance forum and jointly by other
/// organisations (partners or not) besides its lead organisation.
/// </summary>
public sealed record SaveGoal(string? Title, string? OutcomeStatement, string? Population, bool WholeSystem, IReadOnlyList<Guid> PlaceIds,
    string? InequalityLens, DateOnly? Horizon, Guid? LeadOrganisationId, string? SeniorResponsibleOwner, Guid? OwningForumId = null,
    IReadOnlyList<Guid>? JointOwnerIds = null, Guid? AmbitionId = null);

/// <summary>A forum or organisation named as a goal's owner.</summary>
public sealed record OwnerReference(Guid Id, string Name);

/// <summary>Who owns a goal and who leads it: the owning forum, the joint owners, the lead organisation and the named SRO.</summary>
public sealed record GoalOwners(OwnerReference? Forum, IReadOnlyList<OwnerReference> JointOwners, string? LeadOrganisation, string? SeniorResponsibleOwner)
{
    /// <summary>
    /// Who owns the goal in a phrase: "Northshire and Eastvale Integrated Care Partnership, jointly with Northshire County
    /// Council", "Eastvale GP Federation jointly with University of Northshire", "Eastvale Borough Council and University of
    /// Northshire" when no organisation leads, or the lead organisation alone.
    /// </summary>
    public string OwnedByInWords() => (Forum, JointOwners.Count, LeadOrganisation) switch
    {
        (null, 0, null) => "No owner named",
        (null, 0, _) => LeadOrganisation,
        (null, _, null) => Prose.List(JointOwners.Select(o => o.Name)),
        (null, _, _) => $"{LeadOrganisation} jointly with {Prose.List(JointOwners.Select(o => o.Name))}",
        (_, 0, _) => Forum.Name,
        _ => $"{Forum.Name}, jointly with {Prose.List(JointOwners.Select(o => o.Name))}",
    };

    /// <summary>Whether anyone besides the lead organisation owns the goal.</summary>
    public bool IsShared => Forum is not null || JointOwners.Count > 0;
}

/// <param name="OrganisationId">Goals this organisation leads or owns: as lead, as a joint owner, or (for a goal with no lead) as a member of its owning forum.</param>
public sealed record GoalFilter(GoalStatus? Status = null, Guid? PlaceId = null, Guid? OrganisationId = null);

public sealed record GoalSummary(Guid Id, string Title, GoalStatus Status, string? LeadOrganisation, DateOnly Horizon, string Scope,
    string Agreement, int ContributingOrganisations, Guid? LeadOrganisationId, Guid? AmbitionId = null, string? Ambition = null)
{
    /// <summary>The owning forum and joint owners with the lead; the SRO is left out of lists.</summary>
    public GoalOwners Owners { get; init; } = new(null, [], LeadOrganisation, null);
}

public sealed record GoalDetail(Guid Id, string Title, string OutcomeStatement, string Population, bool WholeSystem, IReadOnlyList<Place> Places,
    string? InequalityLens, DateOnly Horizon, Guid? LeadOrganisationId, string? LeadOrganisation, string? SeniorResponsibleOwner, GoalStatus Status,
    Guid Version, GoalOwners Owners, Guid? AmbitionId = null, string? Ambition = null)
{
    public string Scope => WholeSystem ? "Whole system" : string.Join(", ", Places.Select(p => p.Name));
}

public sealed class GoalService(ConcordatDb db, TimeProvider clock)
{
    public const string EntityType = "Goal";

    public async Task<IReadOnlyList<GoalSummary>> ListAsync(GoalFilter filter, CancellationToken ct)
    {
        var query = db.Goals.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(g => g.Status == status);
        }
        if (filter.PlaceId is { } placeId)
        {
            query = query.Where(g => g.WholeSystem || g.Places.Any(p => p.PlaceId == placeId));
        }
        if (filter.OrganisationId is { } organisationId)
        {
            query = query.Where(g => g.LeadOrganisationId == organisationId || g.JointOwners.Any(o => o.OrganisationId == organisationId)
                || (g.LeadOrganisationId == null && db.Set<ForumMember>().Any(m => m.ForumId == g.OwningForumId && m.OrganisationId == organisationId)));
        }
        var goals = await InStrategyOrder(db, query)
            .Select(g => new
            {
                g.Id, g.Title, g.Status, g.Horizon, g.WholeSystem, g.LeadOrganisationId, g.AmbitionId,
                Ambition = db.Ambitions.Where(a => a.Id == g.AmbitionId).Select(a => a.Title).FirstOrDefault(),
                Lead = db.Organisations.Where(o => o.Id == g.LeadOrganisationId).Select(o => o.Name).SingleOrDefault(),
                Forum = db.Forums.Where(f => f.Id == g.OwningForumId).Select(f => new OwnerReference(f.Id, f.Name)).FirstOrDefault(),
                JointOwners = g.JointOwners.Join(db.Organisations, j => j.OrganisationId, o => o.Id, (j, o) => new OwnerReference(o.Id, o.Name)).ToList(),
                PlaceIds = g.Places.Select(p => p.PlaceId).ToList(),
                Contributors = db.Contributions.Where(c => c.GoalId == g.Id && (c.Status == ContributionStatus.Agreed || c.Status == ContributionStatus.Varied))
                    .Select(c => c.OrganisationId).Distinct().Count(),
                OpenRound = db.AgreementRounds.Where(r => r.GoalId == g.Id && r.State == RoundState.Open)
                    .Select(r => new
                    {
                        r.Kind,
                        Required = r.RequiredResponses.Count,
                        Responded = r.Positions.Count(p => p.Revision == r.CurrentRevision),
                    }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var placeNames = await db.Places.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return goals.Select(g => new GoalSummary(g.Id, g.Title, g.Status, g.Lead, g.Horizon,
            g.WholeSystem ? "Whole system" : string.Join(", ", g.PlaceIds.Select(p => placeNames.GetValueOrDefault(p, "?")).Order()),
            g.OpenRound is { } round
                ? $"{round.Kind.InWords()} round open: {round.Responded} of {round.Required} responded"
                : g.Status switch
                {
                    GoalStatus.Agreed => "Agreed",
                    GoalStatus.Retired => "Retired",
                    _ => "Not yet proposed",
                },
            g.Contributors, g.LeadOrganisationId, g.AmbitionId, g.Ambition)
        {
            Owners = new GoalOwners(g.Forum, [.. g.JointOwners.OrderBy(o => o.Name, StringComparer.Ordinal)], g.Lead, null),
        }).ToList();
    }

    /// <summary>Goals in the order the convenors set: by ambition, goals under no ambition last, then by position within each.</summary>
    public static IOrderedQueryable<Goal> InStrategyOrder(ConcordatDb db, IQueryable<Goal> goals) => goals
        .OrderBy(g => g.AmbitionId == null)
        .ThenBy(g => db.Ambitions.Where(a => a.Id == g.AmbitionId).Select(a => a.Position).FirstOrDefault())
        .ThenBy(g => g.Position).ThenBy(g => g.Title).ThenBy(g => g.Id);

    public async Task<GoalDetail> GetAsync(Guid id, CancellationToken ct)
    {
        var goal = await db.Goals.AsNoTracking().Include(g => g.Places).Include(g => g.JointOwners).SingleOrDefaultAsync(g => g.Id == id, ct)
            ?? throw new NotFoundException("There is no such goal in this system.");
        var placeIds = goal.Places.Select(p => p.PlaceId).ToList();
        var places = await db.Places.AsNoTracking().Where(p => placeIds.Contains(p.Id)).OrderBy(p => p.Name).ToListAsync(ct);
        var lead = await db.Organisations.Where(o => o.Id == goal.LeadOrganisationId).Select(o => o.Name).SingleOrDefaultAsync(ct);
        var jointIds = goal.JointOwners.Select(o => o.OrganisationId).ToList();
        var jointOwners = await db.Organisations.AsNoTracking().Where(o => jointIds.Contains(o.Id)).Select(o => new OwnerReference(o.Id, o.Name)).ToListAsync(ct);
        var forum = goal.OwningForumId is { } forumId
            ? await db.Forums.AsNoTracking().Where(f => f.Id == forumId).Select(f => new OwnerReference(f.Id, f.Name)).SingleAsync(ct)
            : null;
        var ambition = await db.Ambitions.Where(a => a.Id == goal.AmbitionId).Select(a => a.Title).SingleOrDefaultAsync(ct);
        return new GoalDetail(goal.Id, goal.Title, goal.OutcomeStatement, goal.Population, goal.WholeSystem, places, goal.InequalityLens,
            goal.Horizon, goal.LeadOrganisationId, lead, goal.SeniorResponsibleOwner, goal.Status, goal.Version,
            new GoalOwners(forum, [.. jointOwners.OrderBy(o => o.Name, StringComparer.Ordinal)], lead, goal.SeniorResponsibleOwner), goal.AmbitionId, ambition);
    }

    /// <summary>Convenors and organisation leads draft goals; the draft is visible to all partners but commits no one.</summary>
    public async Task<Goal> CreateAsync(SaveGoal input, Actor actor, CancellationToken ct)
    {
        Goal.RequireDrafter(actor);
        var valid = await ValidateAsync(input, [], ct);
        RequireOwnLead(valid, actor);
        var goal = new Goal
        {
            SystemId = actor.SystemId,
            Title = valid.Title!,
            OutcomeStatement = valid.OutcomeStatement!,
            Population = valid.Population!,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            Status = GoalStatus.Draft,
        };
        Apply(goal, valid);
        goal.AmbitionId = valid.AmbitionId;
        goal.Position = await NextPositionAsync(valid.AmbitionId, ct);
        db.Goals.Add(goal);
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "GoalDrafted", EntityType, goal.Id, goal.Title, null, await SnapshotAsync(goal, ct));
        await db.SaveChangesAsync(ct);
        return goal;
    }

    /// <summary>
    /// Edits a draft. An agreed goal is changed only through an agreement round, so partners consent to the new wording.
    /// </summary>
    public async Task<Goal> UpdateAsync(Guid id, SaveGoal input, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        var goal = await db.Goals.Include(g => g.Places).Include(g => g.JointOwners).SingleOrDefaultAsync(g => g.Id == id, ct)
            ?? throw new NotFoundException("There is no such goal in this system.");
        RequireDraftEditor(actor, goal);
        if (goal.Status != GoalStatus.Draft)
        {
            throw new InputInvalidException(nameof(SaveGoal.Title), goal.Status == GoalStatus.Proposed
                ? "This goal is in an agreement round: amend the proposal instead"
                : "An agreed goal is changed through an agreement round: open a round to propose the change");
        }
        if (!goal.Version.Matches(expectedVersion, "goal"))
        {
            throw new EditConflictException(goal.Title, goal.Version, await SnapshotAsync(goal, ct));
        }
        var valid = await ValidateAsync(input, [.. goal.Places.Select(p => p.PlaceId)], ct);
        if (actor.IsConvenor || actor.IsLeadOf(goal.LeadOrganisationId))
        {
            RequireOwnLead(valid, actor, goal.LeadOrganisationId);
        }
        else
        {
            RequireOwnersUnchanged(valid, goal);
        }
        var before = await SnapshotAsync(goal, ct);
        db.Entry(goal).Property(g => g.Version).OriginalValue = goal.Version;
        goal.Title = valid.Title!;
        goal.OutcomeStatement = valid.OutcomeStatement!;
        goal.Population = valid.Population!;
        Apply(goal, valid);
        if (goal.AmbitionId != valid.AmbitionId)
        {
            goal.AmbitionId = valid.AmbitionId;
            goal.Position = await NextPositionAsync(valid.AmbitionId, ct);
        }
        var after = await SnapshotAsync(goal, ct);
        if (before.SequenceEqual(after))
        {
            return goal;
        }
        db.Entry(goal).State = EntityState.Modified;
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "GoalUpdated", EntityType, goal.Id, goal.Title, before, after);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Goals.AsNoTracking().Include(g => g.Places).Include(g => g.JointOwners).SingleAsync(g => g.Id == id, ct);
            throw new EditConflictException(current.Title, current.Version, await SnapshotAsync(current, ct));
        }
        return goal;
    }

    /// <summary>
    /// Who may change a draft: a convenor, a lead of its lead organisation, or a lead of a joint owner. Joint owners share
    /// the goal's wording; measures, needs and the theory of change stay with the lead organisation (<see cref="Goal.RequireLeadOrConvenor"/>).
    /// </summary>
    public static bool CanEditDraft(Actor actor, Guid? leadOrganisationId, IEnumerable<Guid> jointOwnerIds) =>
        actor.IsConvenor || actor.IsLeadOf(leadOrganisationId) || jointOwnerIds.Any(actor.IsLeadOf);

    private static void RequireDraftEditor(Actor actor, Goal goal)
    {
        if (!CanEditDraft(actor, goal.LeadOrganisationId, goal.JointOwners.Select(o => o.OrganisationId)))
        {
            throw new ForbiddenException("Only a convenor or a lead of one of the goal's owning organisations can change a draft goal.");
        }
    }

    /// <summary>A joint owner's lead changes the wording, not who owns the goal: that stays with the convenor and the lead organisation.</summary>
    private static void RequireOwnersUnchanged(SaveGoal valid, Goal goal)
    {
        if (valid.LeadOrganisationId != goal.LeadOrganisationId || valid.OwningForumId != goal.OwningForumId
            || !valid.JointOwnerIds!.ToHashSet().SetEquals(goal.JointOwners.Select(o => o.OrganisationId)))
        {
            throw new InputInvalidException(nameof(SaveGoal.JointOwnerIds), "Only a convenor or a lead of the lead organisation can change who owns or leads the goal");
        }
    }

    /// <summary>
    /// A lead drafts in their own organisation's name (or keeps the lead it has); only a convenor names another organisation
    /// as lead. A goal with no lead must count the drafter's organisation among its joint owners, or they could not change it.
    /// </summary>
    private static void RequireOwnLead(SaveGoal valid, Actor actor, Guid? currentLead = null)
    {
        if (actor.IsConvenor || (valid.LeadOrganisationId is { } lead && lead == currentLead))
        {
            return;
        }
        if (valid.LeadOrganisationId is null && !valid.JointOwnerIds!.Any(actor.IsLeadOf))
        {
            throw new InputInvalidException(nameof(SaveGoal.LeadOrganisationId), "Choose your own organisation as lead or joint owner, or ask a convenor to draft the goal");
        }
        if (valid.LeadOrganisationId is not null && !actor.IsLeadOf(valid.LeadOrganisationId))
        {
            throw new InputInvalidException(nameof(SaveGoal.LeadOrganisationId), "Choose your own organisation as lead, or ask a convenor to name another");
        }
    }

    /// <summary>A goal joining an ambition (or none) comes after the goals already there.</summary>
    private async Task<int> NextPositionAsync(Guid? ambitionId, CancellationToken ct) =>
        await db.Goals.Where(g => g.AmbitionId == ambitionId).Select(g => (int?)g.Position).MaxAsync(ct) is { } last ? last + 1 : 0;

    private static void Apply(Goal goal, SaveGoal valid)
    {
        goal.WholeSystem = valid.WholeSystem;
        goal.InequalityLens = valid.InequalityLens;
        goal.Horizon = valid.Horizon!.Value;
        goal.LeadOrganisationId = valid.LeadOrganisationId;
        goal.SeniorResponsibleOwner = valid.SeniorResponsibleOwner;
        goal.OwningForumId = valid.OwningForumId;
        var ownerIds = valid.JointOwnerIds ?? [];
        goal.JointOwners.RemoveAll(o => !ownerIds.Contains(o.OrganisationId));
        foreach (var organisationId in ownerIds.Where(o => goal.JointOwners.All(j => j.OrganisationId != o)))
        {
            goal.JointOwners.Add(new GoalJointOwner { SystemId = goal.SystemId, GoalId = goal.Id, OrganisationId = organisationId });
        }
        var placeIds = valid.WholeSystem ? [] : valid.PlaceIds;
        goal.Places.RemoveAll(p => !placeIds.Contains(p.PlaceId));
        foreach (var placeId in placeIds.Where(p => goal.Places.All(gp => gp.PlaceId != p)))
        {
            goal.Places.Add(new GoalPlace { SystemId = goal.SystemId, GoalId = goal.Id, PlaceId = placeId });
        }
    }

    internal async Task<IReadOnlyDictionary<string, string?>> SnapshotAsync(Goal goal, CancellationToken ct)
    {
        var places = await db.Places.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var organisationIds = goal.JointOwners.Select(o => o.OrganisationId).Concat(goal.LeadOrganisationId is { } lead ? [lead] : []).ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var forum = goal.OwningForumId is { } forumId ? await db.Forums.Where(f => f.Id == forumId).Select(f => f.Name).SingleOrDefaultAsync(ct) : null;
        return new SortedDictionary<string, string?>(goal.Snapshot(places, organisations, forum).ToDictionary(f => f.Key, f => f.Value))
        {
            ["Ambition"] = await db.Ambitions.AsNoTracking().Where(a => a.Id == goal.AmbitionId).Select(a => a.Title).SingleOrDefaultAsync(ct),
        };
    }

    /// <summary>Checks every field and reports every problem at once; returns the input trimmed.</summary>
    private async Task<SaveGoal> ValidateAsync(SaveGoal input, IReadOnlyCollection<Guid> placesCovered, CancellationToken ct)
    {
        var errors = new InputErrors();
        var wording = ValidateWording(errors, input.Title, input.OutcomeStatement, input.Population, input.InequalityLens, input.Horizon, UkCalendar.Today(clock));
        var placeIds = (input.PlaceIds ?? []).Distinct().ToList();
        if (!input.WholeSystem && placeIds.Count == 0)
        {
            errors.Add(nameof(input.PlaceIds), "Select the places the goal covers, or the whole system");
        }
        else
        {
            await OrganisationService.CheckPlacesAsync(db, errors, nameof(input.PlaceIds), placeIds, placesCovered, ct);
        }
        // A goal owned by a forum or jointly may have no lead organisation, but someone must own it.
        if (input.LeadOrganisationId is { } leadId && !await db.Organisations.AnyAsync(o => o.Id == leadId && o.IsPartner, ct))
        {
            errors.Add(nameof(input.LeadOrganisationId), "Select the lead organisation from this system's partners");
        }
        else if (input.LeadOrganisationId is null && input.OwningForumId is null && (input.JointOwnerIds ?? []).Count == 0)
        {
            errors.Add(nameof(input.LeadOrganisationId), "Select the lead organisation, or the forum or organisations that own the goal");
        }
        // A goal without a named SRO is allowed, so a strategy can be entered as it is: the health check names the gap.
        var owner = errors.OptionalText(nameof(input.SeniorResponsibleOwner), "Senior responsible owner", input.SeniorResponsibleOwner, Goal.OwnerMaxLength);
        if (input.OwningForumId is { } forumId && !await db.Forums.AnyAsync(f => f.Id == forumId, ct))
        {
            errors.Add(nameof(input.OwningForumId), "Select a forum of this system");
        }
        var jointOwnerIds = (input.JointOwnerIds ?? []).Distinct().ToList();
        if (input.LeadOrganisationId is { } lead && jointOwnerIds.Contains(lead))
        {
            errors.Add(nameof(input.JointOwnerIds), "The lead organisation already owns the goal: select other organisations as joint owners");
        }
        else if (jointOwnerIds.Count > 0 && await db.Organisations.CountAsync(o => jointOwnerIds.Contains(o.Id), ct) != jointOwnerIds.Count)
        {
            errors.Add(nameof(input.JointOwnerIds), "Select joint owners from this system's organisations");
        }
        if (input.AmbitionId is { } ambitionId && !await db.Ambitions.AnyAsync(a => a.Id == ambitionId, ct))
        {
            errors.Add(nameof(input.AmbitionId), "Select an ambition of this system, or none");
        }
        errors.ThrowIfAny();
        return input with
        {
            Title = wording.Title, OutcomeStatement = wording.OutcomeStatement, Population = wording.Population,
            InequalityLens = wording.InequalityLens, PlaceIds = placeIds, SeniorResponsibleOwner = owner, JointOwnerIds = jointOwnerIds,
        };
    }

    public sealed record Wording(string Title, string OutcomeStatement, string Population, string? InequalityLens, DateOnly Horizon);

    /// <summary>The rules shared by goals and the wording proposed for them in agreement rounds.</summary>
    internal static Wording ValidateWording(InputErrors errors, string? title, string? outcome, string? population, string? lens, DateOnly? horizon, DateOnly today)
    {
        var t = errors.RequiredText(nameof(SaveGoal.Title), "Title", title, Goal.TitleMaxLength, "Enter a short title for the goal");
        var o = errors.RequiredText(nameof(SaveGoal.OutcomeStatement), "Outcome", outcome, Goal.OutcomeMaxLength, "Enter the outcome: who, what improves, by when");
        var p = errors.RequiredText(nameof(SaveGoal.Population), "Population", population, Goal.PopulationMaxLength, "Enter the population or cohort the goal is for");
        var l = errors.OptionalText(nameof(SaveGoal.InequalityLens), "Inequality lens", lens, Goal.InequalityLensMaxLength);
        if (horizon is not { } h)
        {
            errors.Add(nameof(SaveGoal.Horizon), "Enter the date by which the outcome should be reached");
        }
        else if (h <= today)
        {
            errors.Add(nameof(SaveGoal.Horizon), "The horizon must be in the future");
        }
        return new Wording(t, o, p, l, horizon ?? default);
    }
}
