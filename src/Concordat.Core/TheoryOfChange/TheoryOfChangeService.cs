using Concordat.Core.Access;
using Concordat.Core.Contributions;
using Concordat.Core.Data;
using Concordat.Core.Goals;
using Concordat.Core.History;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.TheoryOfChange;

public sealed record AddDriver(DriverLevel? Level, string? Title, IReadOnlyList<Guid>? PrimaryDriverIds);

/// <summary>A driver's new title and, for a secondary driver, the primary drivers it serves, made against <see cref="Version"/>.</summary>
public sealed record EditDriver(string? Title, IReadOnlyList<Guid>? PrimaryDriverIds, Guid? Version);

public sealed record SaveChangeIdea(string? Title, IReadOnlyList<Guid>? SecondaryDriverIds, string? WhoseBehaviour, string? WhatDifferently)
{
    public string? PhysicalCapability { get; init; }
    public string? PsychologicalCapability { get; init; }
    public string? PhysicalOpportunity { get; init; }
    public string? SocialOpportunity { get; init; }
    public string? ReflectiveMotivation { get; init; }
    public string? AutomaticMotivation { get; init; }
    public InterventionFunctions? Functions { get; init; }
    public PolicyLevers? Levers { get; init; }
    public string? LeverDetails { get; init; }
    public IReadOnlyList<Guid>? ContributionIds { get; init; }
}

/// <summary>
/// A driver in one goal's diagram. <see cref="Goals"/> are the goals a primary driver serves, its home goal (where it was
/// entered, and where it and everything under it is edited) first; a driver entered in another goal is read-only here.
/// </summary>
public sealed record DriverNode(Driver Driver, IReadOnlyList<Guid> ServesPrimaryIds, IReadOnlyList<(Guid Id, string Name)> Measures,
    IReadOnlyList<(Guid Id, string Title)> Goals)
{
    /// <summary>A priority serving more than one goal.</summary>
    public bool IsShared => Goals.Count > 1;

    /// <summary>The home goal's title.</summary>
    public string HomeGoal => Goals.Count > 0 ? Goals[0].Title : "";
}

/// <summary>A contribution linked to a change idea: carrying it, asked to, or having declined.</summary>
public sealed record Carrier(Guid Id, Guid OrganisationId, string Organisation, string Commitment, CarryingStatus Status, string RequestedByName,
    DateTime RequestedAtUtc, string? AnsweredByName, string? DeclineReason);

public sealed record ChangeIdeaNode(ChangeIdea Idea, IReadOnlyList<Guid> SecondaryDriverIds, IReadOnlyList<Carrier> Carriers)
{
    /// <summary>Only contributions whose organisation agreed carry the idea: in the diagram, the strategy and the health check.</summary>
    public IReadOnlyList<Carrier> CarriedBy => [.. Carriers.Where(c => c.Status == CarryingStatus.Accepted)];

    public IReadOnlyList<Carrier> Asked => [.. Carriers.Where(c => c.Status == CarryingStatus.Requested)];

    public IReadOnlyList<Carrier> Declined => [.. Carriers.Where(c => c.Status == CarryingStatus.Declined)];

    /// <summary>What an editor has put to the idea: the contributions carrying it and those asked to.</summary>
    public IReadOnlyList<Guid> LinkedContributionIds => [.. Carriers.Where(c => c.Status != CarryingStatus.Declined).Select(c => c.Id)];
}

/// <summary>A request for an organisation's contribution to carry a change idea, for its leads to answer.</summary>
public sealed record CarryingRequest(Guid GoalId, string GoalTitle, Guid ChangeIdeaId, string ChangeIdea, Guid ContributionId, Guid OrganisationId,
    string Organisation, string Commitment, string RequestedByName, DateTime RequestedAtUtc);

/// <summary>
/// A goal's driver diagram: aim → primary drivers → secondary drivers → change ideas. It includes the priorities other goals
/// share with it, with their secondary drivers and change ideas, which keep their home goal's id and are edited there.
/// </summary>
public sealed record DriverDiagram(Guid GoalId, string Aim, string GoalTitle, IReadOnlyList<Guid> Stewards, IReadOnlyList<(Guid Id, string Name)> OutcomeMeasures,
    IReadOnlyList<DriverNode> Primary, IReadOnlyList<DriverNode> Secondary, IReadOnlyList<ChangeIdeaNode> ChangeIdeas)
{
    /// <summary>Whether the driver or change idea was entered in this goal, and so is edited here.</summary>
    public bool IsOwn(Guid homeGoalId) => homeGoalId == GoalId;
}

/// <summary>
/// Theory of change for each goal, edited by convenors and leads of the organisations that lead or own the goal; leads of
/// contributing organisations may add and change the change ideas their contributions carry. Drivers and change ideas
/// are changed against the version read, so one person's edit never silently replaces another's.
/// </summary>
public sealed class TheoryOfChangeService(ConcordatDb db, TimeProvider clock)
{
    /// <summary>Convenors, leads of the goal's stewards (<see cref="Goal.StewardsOfAsync"/>), and leads of an organisation whose contribution carries the idea change it.</summary>
    public static void RequireIdeaEditor(Actor actor, IReadOnlyList<Guid> stewards, IEnumerable<Guid> carryingOrganisationIds)
    {
        if (!Goal.CanShape(actor, stewards) && !carryingOrganisationIds.Any(actor.IsLeadOf))
        {
            throw new ForbiddenException("Only a convenor, a lead of an organisation that leads or owns the goal, or a lead of an organisation whose contribution carries it can change a change idea.");
        }
    }

    public async Task<DriverDiagram> GetAsync(Guid goalId, CancellationToken ct)
    {
        var goal = await db.Goals.AsNoTracking().SingleOrDefaultAsync(g => g.Id == goalId, ct) ?? throw new NotFoundException("There is no such goal in this system.");
        return (await GetManyAsync([goal], ct))[goalId];
    }

    /// <summary>
    /// The diagrams of many goals in as many queries as one goal's, so a page of every goal does not query per goal. Each
    /// includes the priorities shared with it, with their secondary drivers and the change ideas that move those: entered
    /// once in their home goal, read in every goal they serve.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, DriverDiagram>> GetManyAsync(IReadOnlyCollection<Goal> goals, CancellationToken ct)
    {
        var goalIds = goals.Select(g => g.Id).ToList();
        var stewards = await Goal.StewardsOfAsync(db, goalIds, ct);
        // A system shares few priorities, so all its shares are read at once, with the titles of the goals on both ends.
        var allShares = await (from s in db.DriverShares.AsNoTracking()
                               join d in db.Drivers on s.DriverId equals d.Id
                               join g in db.Goals on s.GoalId equals g.Id
                               join h in db.Goals on d.GoalId equals h.Id
                               select new { s.DriverId, s.GoalId, g.Title, HomeGoalId = h.Id, HomeTitle = h.Title }).ToListAsync(ct);
        var sharedIn = allShares.ToLookup(s => s.GoalId, s => s.DriverId);
        var shares = allShares.ToLookup(s => s.DriverId, s => s.GoalId);
        var goalTitles = goals.Select(g => (g.Id, g.Title)).Concat(allShares.Select(s => (Id: s.GoalId, s.Title))).Concat(allShares.Select(s => (Id: s.HomeGoalId, Title: s.HomeTitle)))
            .DistinctBy(g => g.Id).ToDictionary(g => g.Id, g => g.Title);
        var sharedPrimaryIds = allShares.Where(s => goalIds.Contains(s.GoalId)).Select(s => s.DriverId).Distinct().ToList();
        // The secondary drivers under priorities shared with these goals, and the change ideas that move them, come with them.
        var sharedSecondary = db.DriverLinks.Where(l => sharedPrimaryIds.Contains(l.PrimaryDriverId)).Select(l => l.SecondaryDriverId);
        var drivers = await db.Drivers.AsNoTracking()
            .Where(d => goalIds.Contains(d.GoalId) || sharedPrimaryIds.Contains(d.Id) || sharedSecondary.Contains(d.Id))
            .OrderBy(d => d.CreatedAtUtc).ThenBy(d => d.Id).ToListAsync(ct);
        var ownDrivers = drivers.ToLookup(d => d.GoalId);
        var driverIds = drivers.Select(d => d.Id).ToList();
        var links = (await db.DriverLinks.AsNoTracking().Where(l => driverIds.Contains(l.SecondaryDriverId)).ToListAsync(ct)).ToLookup(l => l.SecondaryDriverId);
        var measures = (await db.DriverMeasures.AsNoTracking().Where(m => driverIds.Contains(m.DriverId))
            .Join(db.Measures, d => d.MeasureId, m => m.Id, (d, m) => new { d.DriverId, m.Id, m.Name }).ToListAsync(ct)).ToLookup(m => m.DriverId);
        var outcomes = (await db.GoalMeasures.AsNoTracking().Where(g => goalIds.Contains(g.GoalId))
            .Join(db.Measures, g => g.MeasureId, m => m.Id, (g, m) => new { g.GoalId, m.Id, m.Name }).ToListAsync(ct)).ToLookup(m => m.GoalId);
        var ideas = await db.ChangeIdeas.AsNoTracking()
            .Where(c => goalIds.Contains(c.GoalId) || db.ChangeIdeaDrivers.Any(l => l.ChangeIdeaId == c.Id && sharedSecondary.Contains(l.SecondaryDriverId)))
            .OrderBy(c => c.CreatedAtUtc).ThenBy(c => c.Id).ToListAsync(ct);
        var ideaIds = ideas.Select(i => i.Id).ToList();
        var ideaDrivers = (await db.ChangeIdeaDrivers.AsNoTracking().Where(l => ideaIds.Contains(l.ChangeIdeaId)).ToListAsync(ct)).ToLookup(l => l.ChangeIdeaId);
        var carriers = (await (from l in db.ChangeIdeaContributions.AsNoTracking()
                               join c in db.Contributions on l.ContributionId equals c.Id
                               join o in db.Organisations on c.OrganisationId equals o.Id
                               where ideaIds.Contains(l.ChangeIdeaId)
                               orderby o.Name
                               select new { l.ChangeIdeaId, Carrier = new Carrier(c.Id, o.Id, o.Name, c.Commitment, l.Status, l.RequestedByName, l.RequestedAtUtc,
                                   l.AnsweredByName, l.DeclineReason) }).ToListAsync(ct)).ToLookup(c => c.ChangeIdeaId, c => c.Carrier);
        IReadOnlyList<(Guid, string)> GoalsServed(Driver d) => d.Level == DriverLevel.Primary
            ? [(d.GoalId, goalTitles[d.GoalId]), .. shares[d.Id].Select(g => (g, goalTitles[g])).OrderBy(g => g.Item2, StringComparer.Ordinal)]
            : [(d.GoalId, goalTitles[d.GoalId])];
        DriverDiagram Diagram(Goal goal)
        {
            // A secondary driver or change idea is in the diagram when it is the goal's own or hangs from a priority shared
            // with it; each lists only the drivers of this diagram it serves or moves.
            var primary = ownDrivers[goal.Id].Where(d => d.Level == DriverLevel.Primary).Concat(drivers.Where(d => sharedIn[goal.Id].Contains(d.Id)))
                .OrderBy(d => d.CreatedAtUtc).ThenBy(d => d.Id).ToList();
            var primaryHere = primary.Select(d => d.Id).ToHashSet();
            var secondary = drivers.Where(d => d.Level == DriverLevel.Secondary
                && (d.GoalId == goal.Id || links[d.Id].Any(l => primaryHere.Contains(l.PrimaryDriverId)))).ToList();
            var secondaryHere = secondary.Select(d => d.Id).ToHashSet();
            var ideasHere = ideas.Where(i => i.GoalId == goal.Id || ideaDrivers[i.Id].Any(l => secondaryHere.Contains(l.SecondaryDriverId)));
            DriverNode Node(Driver d) => new(d, [.. links[d.Id].Select(l => l.PrimaryDriverId).Where(primaryHere.Contains)], [.. measures[d.Id].Select(m => (m.Id, m.Name))],
                GoalsServed(d));
            return new DriverDiagram(goal.Id, goal.OutcomeStatement, goal.Title, stewards[goal.Id], [.. outcomes[goal.Id].Select(m => (m.Id, m.Name))],
                [.. primary.Select(Node)], [.. secondary.Select(Node)],
                [.. ideasHere.Select(i => new ChangeIdeaNode(i, [.. ideaDrivers[i.Id].Select(l => l.SecondaryDriverId).Where(secondaryHere.Contains)], [.. carriers[i.Id]]))]);
        }
        return goals.ToDictionary(g => g.Id, Diagram);
    }

    /// <summary>
    /// Lets a priority (a primary driver) serve another goal too, without copying it: the other goal's diagram shows it with
    /// everything under it. It touches both goals' strategies, so only a convenor, or someone who is a lead of both goals'
    /// lead or owning organisations (<see cref="Goal.RequireSteward"/> for each goal), may do it.
    /// </summary>
    public async Task ShareDriverAsync(Guid goalId, Guid driverId, Guid otherGoalId, Actor actor, CancellationToken ct)
    {
        var goal = await db.Goals.AsNoTracking().SingleOrDefaultAsync(g => g.Id == goalId, ct) ?? throw new NotFoundException("There is no such goal in this system.");
        var driver = await db.Drivers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == driverId && d.GoalId == goalId, ct)
            ?? throw new NotFoundException("There is no such driver for this goal; share a priority from the goal it was entered in.");
        var other = await db.Goals.AsNoTracking().SingleOrDefaultAsync(g => g.Id == otherGoalId, ct);
        Goal.RequireSteward(actor, await Goal.StewardsAsync(db, goalId, ct), "share its priorities");
        if (other is not null && !Goal.CanShape(actor, await Goal.StewardsAsync(db, other.Id, ct)))
        {
            throw new ForbiddenException("Only a convenor, or a lead of an organisation that leads or owns each goal, can share a priority with another goal.");
        }
        var errors = new InputErrors();
        if (other is null || other.Status == GoalStatus.Retired)
        {
            errors.Add("GoalId", "Select a goal of this system that is not retired");
        }
        else if (other.Id == goalId)
        {
            errors.Add("GoalId", $"\"{driver.Title}\" already serves {goal.Title}; select another goal");
        }
        else if (driver.Level != DriverLevel.Primary)
        {
            errors.Add("GoalId", "Only a primary driver (a priority) can serve several goals; share the primary driver it serves");
        }
        else if (await db.DriverShares.AnyAsync(s => s.DriverId == driverId && s.GoalId == otherGoalId, ct))
        {
            errors.Add("GoalId", $"\"{driver.Title}\" already serves {other.Title}");
        }
        errors.ThrowIfAny();
        var now = clock.GetUtcNow().UtcDateTime;
        db.DriverShares.Add(new DriverShare { SystemId = actor.SystemId, DriverId = driverId, GoalId = otherGoalId, SharedAtUtc = now });
        var record = new SortedDictionary<string, string?> { ["Driver"] = driver.Title, ["Home goal"] = goal.Title, ["Also serves"] = other!.Title };
        db.Audit(actor, now, "PriorityShared", GoalService.EntityType, goalId, goal.Title, null, record);
        db.Audit(actor, now, "PriorityShared", GoalService.EntityType, otherGoalId, other.Title, null, record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e) || ForeignKeyViolation.Is(e))
        {
            // Shared by someone else at the same moment, or the priority was removed meanwhile.
            throw new InputInvalidException("GoalId", $"\"{driver.Title}\" was shared or removed just now; look again");
        }
    }

    /// <summary>
    /// Stops a priority serving a goal other than its home goal; it stays, with everything under it, in its home goal.
    /// Either side may withdraw: a convenor, or a lead of an organisation that leads or owns either goal.
    /// </summary>
    public async Task UnshareDriverAsync(Guid goalId, Guid driverId, Guid otherGoalId, Actor actor, CancellationToken ct)
    {
        var goal = await db.Goals.AsNoTracking().SingleOrDefaultAsync(g => g.Id == goalId, ct) ?? throw new NotFoundException("There is no such goal in this system.");
        var driver = await db.Drivers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == driverId && d.GoalId == goalId, ct)
            ?? throw new NotFoundException("There is no such driver for this goal.");
        var other = await db.Goals.AsNoTracking().SingleOrDefaultAsync(g => g.Id == otherGoalId, ct) ?? throw new NotFoundException("There is no such goal in this system.");
        if (!Goal.CanShape(actor, await Goal.StewardsAsync(db, goalId, ct)) && !Goal.CanShape(actor, await Goal.StewardsAsync(db, otherGoalId, ct)))
        {
            throw new ForbiddenException("Only a convenor, or a lead of an organisation that leads or owns either goal, can stop a priority serving a goal.");
        }
        var share = await db.DriverShares.SingleOrDefaultAsync(s => s.DriverId == driverId && s.GoalId == otherGoalId, ct)
            ?? throw new NotFoundException($"\"{driver.Title}\" does not serve {other.Title}.");
        db.DriverShares.Remove(share);
        var now = clock.GetUtcNow().UtcDateTime;
        var record = new SortedDictionary<string, string?> { ["Driver"] = driver.Title, ["Home goal"] = goal.Title, ["Also serves"] = other.Title };
        db.Audit(actor, now, "PriorityUnshared", GoalService.EntityType, goalId, goal.Title, record, null);
        db.Audit(actor, now, "PriorityUnshared", GoalService.EntityType, otherGoalId, other.Title, record, null);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new NotFoundException($"\"{driver.Title}\" no longer serves {other.Title}.");
        }
    }

    private async Task<Goal> EditableGoalAsync(Guid goalId, Actor actor, CancellationToken ct)
    {
        var goal = await db.Goals.AsNoTracking().SingleOrDefaultAsync(g => g.Id == goalId, ct) ?? throw new NotFoundException("There is no such goal in this system.");
        Goal.RequireSteward(actor, await Goal.StewardsAsync(db, goalId, ct), "change its theory of change");
        return goal;
    }

    public async Task<Driver> AddDriverAsync(Guid goalId, AddDriver input, Actor actor, CancellationToken ct)
    {
        var goal = await EditableGoalAsync(goalId, actor, ct);
        var errors = new InputErrors();
        DriverLevel? level = input.Level;
        if (level is not { } known || !Enum.IsDefined(known))
        {
            errors.Add(nameof(input.Level), "Say whether it is a primary or a secondary driver");
            level = null;
        }
        var (title, primaryIds) = await CheckDriverAsync(goalId, level, input.Title, input.PrimaryDriverIds, errors, ct);
        errors.ThrowIfAny();
        var now = clock.GetUtcNow().UtcDateTime;
        var driver = new Driver { SystemId = actor.SystemId, GoalId = goalId, Level = level!.Value, Title = title!, CreatedAtUtc = now };
        db.Drivers.Add(driver);
        db.DriverLinks.AddRange(primaryIds.Select(p => new DriverLink { SystemId = actor.SystemId, PrimaryDriverId = p, SecondaryDriverId = driver.Id }));
        db.Audit(actor, now, driver.Level == DriverLevel.Primary ? "PrimaryDriverAdded" : "SecondaryDriverAdded", GoalService.EntityType, goalId, goal.Title, null,
            new SortedDictionary<string, string?> { ["Driver"] = title });
        await db.SaveChangesAsync(ct);
        return driver;
    }

    /// <summary>
    /// Changes a driver's title and, for a secondary driver, the primary drivers it serves. Its level stays: a primary
    /// driver that should be secondary is removed and added again, so that nothing hanging from it is silently re-parented.
    /// </summary>
    /// <exception cref="EditConflictException"><paramref name="input"/> was made against another version than the one stored.</exception>
    public async Task<Driver> EditDriverAsync(Guid goalId, Guid driverId, EditDriver input, Actor actor, CancellationToken ct)
    {
        var goal = await EditableGoalAsync(goalId, actor, ct);
        var driver = await db.Drivers.SingleOrDefaultAsync(d => d.Id == driverId && d.GoalId == goalId, ct) ?? throw new NotFoundException("There is no such driver for this goal.");
        var links = await db.DriverLinks.Where(l => l.SecondaryDriverId == driverId).ToListAsync(ct);
        var before = await SnapshotAsync(driver, [.. links.Select(l => l.PrimaryDriverId)], ct);
        if (!driver.Version.Matches(input.Version, "driver (its version in the driver diagram)"))
        {
            throw new EditConflictException(driver.Title, driver.Version, before);
        }
        var errors = new InputErrors();
        var (title, primaryIds) = await CheckDriverAsync(goalId, driver.Level, input.Title, input.PrimaryDriverIds, errors, ct);
        errors.ThrowIfAny();
        if (title == driver.Title && primaryIds.ToHashSet().SetEquals(links.Select(l => l.PrimaryDriverId)))
        {
            return driver;
        }
        driver.Title = title!;
        db.DriverLinks.RemoveRange(links.Where(l => !primaryIds.Contains(l.PrimaryDriverId)));
        db.DriverLinks.AddRange(primaryIds.Where(p => links.All(l => l.PrimaryDriverId != p))
            .Select(p => new DriverLink { SystemId = driver.SystemId, PrimaryDriverId = p, SecondaryDriverId = driverId }));
        // The links are rows of their own, so a change to them alone would leave the driver's version as it was and an
        // edit made against the old links would not be refused; renewing it marks the driver as changed.
        db.Entry(driver).Property(d => d.Version).IsModified = true;
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "DriverEdited", GoalService.EntityType, goalId, goal.Title, before, await SnapshotAsync(driver, primaryIds, ct));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || ForeignKeyViolation.Is(e))
        {
            // Saved or removed by someone else since it was read, or a primary driver it was to serve was removed meanwhile.
            db.ChangeTracker.Clear();
            var current = await db.Drivers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == driverId, ct) ?? throw new NotFoundException("That driver has been removed.");
            var serves = await db.DriverLinks.AsNoTracking().Where(l => l.SecondaryDriverId == driverId).Select(l => l.PrimaryDriverId).ToListAsync(ct);
            throw new EditConflictException(current.Title, current.Version, await SnapshotAsync(current, serves, ct));
        }
        return driver;
    }

    /// <summary>The rules for a driver's title and the primary drivers of this goal a secondary driver serves, shared by adding and editing.</summary>
    private async Task<(string? Title, List<Guid> PrimaryIds)> CheckDriverAsync(Guid goalId, DriverLevel? level, string? input, IReadOnlyList<Guid>? primaryDriverIds,
        InputErrors errors, CancellationToken ct)
    {
        var title = errors.OptionalText(nameof(AddDriver.Title), "Driver", input, Driver.TitleMaxLength);
        if (title is null)
        {
            errors.Add(nameof(AddDriver.Title), "Describe the driver, like \"timely discharge from hospital\"");
        }
        var primaryIds = (primaryDriverIds ?? []).Distinct().ToList();
        if (level == DriverLevel.Primary && primaryIds.Count > 0)
        {
            errors.Add(nameof(AddDriver.PrimaryDriverIds), "A primary driver serves the aim, not other drivers");
        }
        else if (level == DriverLevel.Secondary && primaryIds.Count == 0)
        {
            errors.Add(nameof(AddDriver.PrimaryDriverIds), "Select the primary drivers this secondary driver serves");
        }
        else if (level == DriverLevel.Secondary
            && await db.Drivers.CountAsync(d => d.GoalId == goalId && d.Level == DriverLevel.Primary && primaryIds.Contains(d.Id), ct) != primaryIds.Count)
        {
            errors.Add(nameof(AddDriver.PrimaryDriverIds), "Select primary drivers of this goal");
        }
        return (title, level == DriverLevel.Secondary ? primaryIds : []);
    }

    /// <summary>A driver as people read it: its title and, for a secondary driver, the titles of the primary drivers it serves.</summary>
    private async Task<SortedDictionary<string, string?>> SnapshotAsync(Driver driver, List<Guid> primaryIds, CancellationToken ct)
    {
        var snapshot = new SortedDictionary<string, string?> { ["Driver"] = driver.Title };
        if (driver.Level == DriverLevel.Secondary)
        {
            var serves = (await db.Drivers.AsNoTracking().Where(d => primaryIds.Contains(d.Id)).Select(d => d.Title).ToListAsync(ct)).Order(StringComparer.Ordinal);
            snapshot["Primary drivers it serves"] = string.Join("; ", serves);
        }
        return snapshot;
    }

    public async Task RemoveDriverAsync(Guid goalId, Guid driverId, Actor actor, CancellationToken ct)
    {
        var goal = await EditableGoalAsync(goalId, actor, ct);
        var driver = await db.Drivers.SingleOrDefaultAsync(d => d.Id == driverId && d.GoalId == goalId, ct) ?? throw new NotFoundException("That driver has already been removed.");
        var alsoServes = await db.DriverShares.Where(s => s.DriverId == driverId).Join(db.Goals, s => s.GoalId, g => g.Id, (s, g) => g.Title).ToListAsync(ct);
        if (alsoServes.Count > 0)
        {
            // Removing it would take it, and every change idea under it, out of the other goals' diagrams unseen.
            throw new InputInvalidException("Driver", $"\"{driver.Title}\" also serves {Words.Prose.List(alsoServes.Order(StringComparer.Ordinal))}; stop sharing it with them first");
        }
        if (driver.Level == DriverLevel.Primary && await db.DriverLinks.AnyAsync(l => l.PrimaryDriverId == driverId
                && !db.DriverLinks.Any(o => o.SecondaryDriverId == l.SecondaryDriverId && o.PrimaryDriverId != driverId), ct))
        {
            throw new InputInvalidException("Driver", $"Some secondary drivers serve only \"{driver.Title}\"; remove them or link them to another primary driver first");
        }
        db.DriverLinks.RemoveRange(await db.DriverLinks.Where(l => l.PrimaryDriverId == driverId || l.SecondaryDriverId == driverId).ToListAsync(ct));
        db.ChangeIdeaDrivers.RemoveRange(await db.ChangeIdeaDrivers.Where(l => l.SecondaryDriverId == driverId).ToListAsync(ct));
        db.Drivers.Remove(driver);
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "DriverRemoved", GoalService.EntityType, goalId, goal.Title,
            new SortedDictionary<string, string?> { ["Driver"] = driver.Title }, null);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds a change idea (convenors, leads of an organisation that leads or owns the goal, or leads of an organisation whose contribution carries it).</summary>
    public async Task<ChangeIdea> AddChangeIdeaAsync(Guid goalId, SaveChangeIdea input, Actor actor, CancellationToken ct)
    {
        var goal = await db.Goals.AsNoTracking().SingleOrDefaultAsync(g => g.Id == goalId, ct) ?? throw new NotFoundException("There is no such goal in this system.");
        var contributions = await ContributionsAsync(goalId, input.ContributionIds, ct);
        var steward = Goal.CanShape(actor, await Goal.StewardsAsync(db, goalId, ct));
        if (!steward && !contributions.Any(c => actor.IsLeadOf(c.OrganisationId)))
        {
            throw new ForbiddenException("Only a convenor, a lead of an organisation that leads or owns the goal, or a lead of an organisation whose contribution carries it can add a change idea.");
        }
        var errors = new InputErrors();
        if (!steward && contributions.Any(c => !actor.IsLeadOf(c.OrganisationId)))
        {
            errors.Add(nameof(input.ContributionIds), OnlyYourOwnContributions);
        }
        var idea = new ChangeIdea { SystemId = actor.SystemId, GoalId = goalId, Title = "", CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        var links = await ApplyAsync(idea, input, contributions, errors, ct);
        db.ChangeIdeas.Add(idea);
        SetLinks(idea, links, contributions, [], [], actor);
        db.Audit(actor, idea.CreatedAtUtc, "ChangeIdeaAdded", GoalService.EntityType, goalId, goal.Title, null, new SortedDictionary<string, string?>
        {
            ["Change idea"] = idea.Title, ["Whose behaviour"] = idea.WhoseBehaviour, ["What they must do differently"] = idea.WhatDifferently,
            ["Intervention functions"] = idea.Functions.InWords(), ["Policy levers"] = idea.Levers.InWords(),
        });
        await db.SaveChangesAsync(ct);
        return idea;
    }

    /// <summary>
    /// Changes a change idea and replaces its links to secondary drivers and contributions. Besides convenors and leads of
    /// the organisations that lead or own the goal, a lead whose organisation carries the idea may change it, but must still carry it
    /// afterwards: they cannot take over an idea that is not theirs, nor give theirs away to another organisation.
    /// </summary>
    /// <exception cref="EditConflictException"><paramref name="version"/> is not the version stored.</exception>
    public async Task<ChangeIdea> EditChangeIdeaAsync(Guid goalId, Guid ideaId, SaveChangeIdea input, Guid? version, Actor actor, CancellationToken ct)
    {
        var goal = await db.Goals.AsNoTracking().SingleOrDefaultAsync(g => g.Id == goalId, ct) ?? throw new NotFoundException("There is no such goal in this system.");
        var idea = await db.ChangeIdeas.SingleOrDefaultAsync(c => c.Id == ideaId && c.GoalId == goalId, ct) ?? throw new NotFoundException("There is no such change idea for this goal.");
        var drivers = await db.ChangeIdeaDrivers.Where(l => l.ChangeIdeaId == ideaId).ToListAsync(ct);
        var carriers = await db.ChangeIdeaContributions.Where(l => l.ChangeIdeaId == ideaId).ToListAsync(ct);
        var linked = carriers.Where(l => l.Status != CarryingStatus.Declined).ToList();
        var carriedBefore = await ContributionsAsync(goalId, [.. linked.Select(l => l.ContributionId)], ct);
        var accepted = carriers.Where(l => l.Status == CarryingStatus.Accepted).Select(l => l.ContributionId).ToHashSet();
        var carriedAfter = await ContributionsAsync(goalId, input.ContributionIds, ct);
        var errors = new InputErrors();
        var stewards = await Goal.StewardsAsync(db, goalId, ct);
        RequireIdeaEditor(actor, stewards, carriedBefore.Where(c => accepted.Contains(c.Id)).Select(c => c.OrganisationId));
        if (!Goal.CanShape(actor, stewards))
        {
            if (!carriedAfter.Any(c => actor.IsLeadOf(c.OrganisationId)))
            {
                errors.Add(nameof(input.ContributionIds), "Keep a contribution of your organisation carrying it; ask an organisation that leads or owns the goal to hand it to another");
            }
            // Another partner's contribution is theirs to commit: a contributing lead can neither add it nor take it away.
            else if (!carriedBefore.Where(c => !actor.IsLeadOf(c.OrganisationId)).Select(c => c.Id).ToHashSet()
                .SetEquals(carriedAfter.Where(c => !actor.IsLeadOf(c.OrganisationId)).Select(c => c.Id)))
            {
                errors.Add(nameof(input.ContributionIds), OnlyYourOwnContributions);
            }
        }
        var before = await SnapshotAsync(idea, [.. drivers.Select(l => l.SecondaryDriverId)], carriers, ct);
        if (!idea.Version.Matches(version, "change idea (its version in the driver diagram)"))
        {
            throw new EditConflictException(idea.Title, idea.Version, before);
        }
        var links = await ApplyAsync(idea, input, carriedAfter, errors, ct);
        SetLinks(idea, links, carriedAfter, drivers, carriers, actor);
        var after = await SnapshotAsync(idea, links.SecondaryDriverIds, [.. db.ChangeTracker.Entries<ChangeIdeaContribution>()
            .Where(e => e.Entity.ChangeIdeaId == ideaId && e.State != EntityState.Deleted).Select(e => e.Entity)], ct);
        var changed = before.Keys.Union(after.Keys).Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k)).ToList();
        if (changed.Count == 0)
        {
            // Nothing a reader could see differs (links to the same drivers, the same carriers asked), so nothing is saved.
            return idea;
        }
        // Renewed even when only links change (they are rows of their own), so an edit made against the old links is refused.
        db.Entry(idea).Property(c => c.Version).IsModified = true;
        // Only what changed is recorded, and the title always, so that the record says which idea it was.
        var recorded = changed.Union([TitleField]).Order(StringComparer.Ordinal).ToList();
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "ChangeIdeaEdited", GoalService.EntityType, goalId, goal.Title,
            recorded.ToDictionary(k => k, before.GetValueOrDefault), recorded.ToDictionary(k => k, after.GetValueOrDefault));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || ForeignKeyViolation.Is(e))
        {
            // Saved or removed by someone else since it was read, or a driver or contribution it was to link to went meanwhile.
            db.ChangeTracker.Clear();
            var current = await db.ChangeIdeas.AsNoTracking().SingleOrDefaultAsync(c => c.Id == ideaId, ct) ?? throw new NotFoundException("That change idea has been removed.");
            var currentDrivers = await db.ChangeIdeaDrivers.AsNoTracking().Where(l => l.ChangeIdeaId == ideaId).Select(l => l.SecondaryDriverId).ToListAsync(ct);
            var currentCarriers = await db.ChangeIdeaContributions.AsNoTracking().Where(l => l.ChangeIdeaId == ideaId).ToListAsync(ct);
            throw new EditConflictException(current.Title, current.Version, await SnapshotAsync(current, currentDrivers, currentCarriers, ct));
        }
        return idea;
    }

    private const string TitleField = "Change idea";

    private const string OnlyYourOwnContributions = "Select or clear only your own organisation's contributions; other partners' contributions are theirs to commit";

    /// <summary>A change idea as people read it, with the titles of its secondary drivers and who carries it, for the history and for a conflict.</summary>
    private async Task<SortedDictionary<string, string?>> SnapshotAsync(ChangeIdea idea, IReadOnlyList<Guid> secondaryIds, IReadOnlyList<ChangeIdeaContribution> links,
        CancellationToken ct)
    {
        var drivers = (await db.Drivers.AsNoTracking().Where(d => secondaryIds.Contains(d.Id)).Select(d => d.Title).ToListAsync(ct)).Order(StringComparer.Ordinal);
        var contributionIds = links.Select(l => l.ContributionId).ToList();
        var status = links.ToDictionary(l => l.ContributionId, l => l.Status);
        var carriers = (await (from c in db.Contributions.AsNoTracking()
                               join o in db.Organisations on c.OrganisationId equals o.Id
                               where contributionIds.Contains(c.Id)
                               select new { c.Id, o.Name, c.Commitment }).ToListAsync(ct)).ToLookup(c => status[c.Id]);
        string Listed(CarryingStatus s) => string.Join("; ", carriers[s].Select(c => $"{c.Name}: {c.Commitment}").Order(StringComparer.Ordinal));
        return new SortedDictionary<string, string?>
        {
            [TitleField] = idea.Title, ["Secondary drivers it moves"] = string.Join("; ", drivers), ["Whose behaviour"] = idea.WhoseBehaviour,
            ["What they must do differently"] = idea.WhatDifferently, ["Physical capability"] = idea.PhysicalCapability,
            ["Psychological capability"] = idea.PsychologicalCapability, ["Physical opportunity"] = idea.PhysicalOpportunity,
            ["Social opportunity"] = idea.SocialOpportunity, ["Reflective motivation"] = idea.ReflectiveMotivation, ["Automatic motivation"] = idea.AutomaticMotivation,
            ["Intervention functions"] = idea.Functions.InWords(), ["Policy levers"] = idea.Levers.InWords(), ["Levers named"] = idea.LeverDetails,
            ["Carried by"] = Listed(CarryingStatus.Accepted),
            ["Asked to carry it"] = Listed(CarryingStatus.Requested) is { Length: > 0 } asked ? asked : null,
        };
    }

    /// <summary>The contributions to this goal among those named; a name that is not one of them is reported by <see cref="ApplyAsync"/>.</summary>
    private async Task<List<Contribution>> ContributionsAsync(Guid goalId, IReadOnlyList<Guid>? ids, CancellationToken ct)
    {
        var named = (ids ?? []).Distinct().ToList();
        return await db.Contributions.AsNoTracking().Where(c => c.GoalId == goalId && named.Contains(c.Id)).ToListAsync(ct);
    }

    private sealed record IdeaLinks(IReadOnlyList<Guid> SecondaryDriverIds, IReadOnlyList<Guid> ContributionIds);

    /// <summary>
    /// The rules for a change idea, shared by adding and editing: every field is checked and every problem reported at once,
    /// and only then are the values copied onto the idea, so a rejected edit leaves it as it was.
    /// </summary>
    private async Task<IdeaLinks> ApplyAsync(ChangeIdea idea, SaveChangeIdea input, List<Contribution> contributions, InputErrors errors, CancellationToken ct)
    {
        var title = errors.OptionalText(nameof(input.Title), "Change idea", input.Title, ChangeIdea.TitleMaxLength);
        if (title is null)
        {
            errors.Add(nameof(input.Title), "Describe the change idea, like \"discharge to assess for people over 75\"");
        }
        var secondaryIds = (input.SecondaryDriverIds ?? []).Distinct().ToList();
        if (secondaryIds.Count == 0)
        {
            errors.Add(nameof(input.SecondaryDriverIds), "Select the secondary drivers this change idea moves");
        }
        else if (await db.Drivers.CountAsync(d => d.GoalId == idea.GoalId && d.Level == DriverLevel.Secondary && secondaryIds.Contains(d.Id), ct) != secondaryIds.Count)
        {
            errors.Add(nameof(input.SecondaryDriverIds), "Select secondary drivers of this goal");
        }
        var contributionIds = (input.ContributionIds ?? []).Distinct().ToList();
        if (contributions.Count != contributionIds.Count)
        {
            errors.Add(nameof(input.ContributionIds), "Select contributions to this goal");
        }
        string? Text(string field, string label, string? value) => errors.OptionalText(field, label, value, ChangeIdea.TextMaxLength);
        var functions = input.Functions ?? InterventionFunctions.None;
        var levers = input.Levers ?? PolicyLevers.None;
        if (((int)functions & ~511) != 0)
        {
            errors.Add(nameof(input.Functions), "Choose intervention functions from the list");
        }
        if (((int)levers & ~127) != 0)
        {
            errors.Add(nameof(input.Levers), "Choose policy levers from the list");
        }
        var whose = Text(nameof(input.WhoseBehaviour), "Whose behaviour", input.WhoseBehaviour);
        var what = Text(nameof(input.WhatDifferently), "What they must do differently", input.WhatDifferently);
        var physicalCapability = Text(nameof(input.PhysicalCapability), "Physical capability", input.PhysicalCapability);
        var psychologicalCapability = Text(nameof(input.PsychologicalCapability), "Psychological capability", input.PsychologicalCapability);
        var physicalOpportunity = Text(nameof(input.PhysicalOpportunity), "Physical opportunity", input.PhysicalOpportunity);
        var socialOpportunity = Text(nameof(input.SocialOpportunity), "Social opportunity", input.SocialOpportunity);
        var reflectiveMotivation = Text(nameof(input.ReflectiveMotivation), "Reflective motivation", input.ReflectiveMotivation);
        var automaticMotivation = Text(nameof(input.AutomaticMotivation), "Automatic motivation", input.AutomaticMotivation);
        var leverDetails = Text(nameof(input.LeverDetails), "Levers named", input.LeverDetails);
        errors.ThrowIfAny();
        idea.Title = title!;
        idea.WhoseBehaviour = whose;
        idea.WhatDifferently = what;
        idea.PhysicalCapability = physicalCapability;
        idea.PsychologicalCapability = psychologicalCapability;
        idea.PhysicalOpportunity = physicalOpportunity;
        idea.SocialOpportunity = socialOpportunity;
        idea.ReflectiveMotivation = reflectiveMotivation;
        idea.AutomaticMotivation = automaticMotivation;
        idea.Functions = functions;
        idea.Levers = levers;
        idea.LeverDetails = leverDetails;
        return new IdeaLinks(secondaryIds, contributionIds);
    }

    /// <summary>
    /// Makes the idea's links what <paramref name="links"/> says, touching only those that differ from the current ones.
    /// A contribution of the actor's own organisation carries the idea at once; another partner's is asked, and asked
    /// again if it had declined. A declined request left out stays on record.
    /// </summary>
    private void SetLinks(ChangeIdea idea, IdeaLinks links, IReadOnlyCollection<Contribution> contributions, IReadOnlyCollection<ChangeIdeaDriver> drivers,
        IReadOnlyCollection<ChangeIdeaContribution> carriers, Actor actor)
    {
        db.ChangeIdeaDrivers.RemoveRange(drivers.Where(l => !links.SecondaryDriverIds.Contains(l.SecondaryDriverId)));
        db.ChangeIdeaDrivers.AddRange(links.SecondaryDriverIds.Where(d => drivers.All(l => l.SecondaryDriverId != d))
            .Select(d => new ChangeIdeaDriver { SystemId = idea.SystemId, ChangeIdeaId = idea.Id, SecondaryDriverId = d }));
        db.ChangeIdeaContributions.RemoveRange(carriers.Where(l => l.Status != CarryingStatus.Declined && !links.ContributionIds.Contains(l.ContributionId)));
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var id in links.ContributionIds)
        {
            var own = actor.IsOperator || actor.IsLeadOf(contributions.Single(c => c.Id == id).OrganisationId);
            var link = carriers.SingleOrDefault(l => l.ContributionId == id);
            if (link is null)
            {
                link = new ChangeIdeaContribution { SystemId = idea.SystemId, ChangeIdeaId = idea.Id, ContributionId = id, RequestedByName = actor.DisplayName };
                db.ChangeIdeaContributions.Add(link);
            }
            else if (link.Status != CarryingStatus.Declined)
            {
                continue;
            }
            link.Status = own ? CarryingStatus.Accepted : CarryingStatus.Requested;
            link.RequestedAtUtc = now;
            link.RequestedByName = actor.DisplayName;
            link.AnsweredAtUtc = null;
            link.AnsweredByName = null;
            link.DeclineReason = null;
        }
    }

    /// <summary>A lead of the contribution's organisation agrees that it carries the idea it was asked to.</summary>
    public Task AcceptCarryingAsync(Guid goalId, Guid ideaId, Guid contributionId, Actor actor, CancellationToken ct) =>
        AnswerAsync(goalId, ideaId, contributionId, actor, CarryingStatus.Accepted, null, ct);

    /// <summary>A lead of the contribution's organisation declines, saying why; the request stays on record.</summary>
    public Task DeclineCarryingAsync(Guid goalId, Guid ideaId, Guid contributionId, string? reason, Actor actor, CancellationToken ct) =>
        AnswerAsync(goalId, ideaId, contributionId, actor, CarryingStatus.Declined, reason, ct);

    /// <summary>A lead of the contribution's organisation stops it carrying an idea it carries.</summary>
    public async Task StopCarryingAsync(Guid goalId, Guid ideaId, Guid contributionId, Actor actor, CancellationToken ct)
    {
        var (goal, idea, link, organisation) = await CarryingAsync(goalId, ideaId, contributionId, actor, ct);
        if (link.Status != CarryingStatus.Accepted)
        {
            throw new InputInvalidException("Carrying", $"{organisation} does not carry this change idea; answer the request instead");
        }
        db.ChangeIdeaContributions.Remove(link);
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "ChangeIdeaCarryingStopped", GoalService.EntityType, goalId, goal.Title,
            new SortedDictionary<string, string?> { [TitleField] = idea.Title, ["Carried by"] = organisation }, null);
        await SaveAnswerAsync(organisation, ct);
    }

    /// <summary>Requests for contributions of the given organisations to carry change ideas, oldest first.</summary>
    public async Task<IReadOnlyList<CarryingRequest>> CarryingRequestsAsync(IReadOnlyCollection<Guid> organisationIds, CancellationToken ct) =>
        await (from l in db.ChangeIdeaContributions.AsNoTracking()
               join c in db.Contributions on l.ContributionId equals c.Id
               join i in db.ChangeIdeas on l.ChangeIdeaId equals i.Id
               join g in db.Goals on i.GoalId equals g.Id
               join o in db.Organisations on c.OrganisationId equals o.Id
               where l.Status == CarryingStatus.Requested && organisationIds.Contains(c.OrganisationId)
               orderby l.RequestedAtUtc, l.ChangeIdeaId, l.ContributionId
               select new CarryingRequest(g.Id, g.Title, i.Id, i.Title, c.Id, o.Id, o.Name, c.Commitment, l.RequestedByName, l.RequestedAtUtc)).ToListAsync(ct);

    private async Task AnswerAsync(Guid goalId, Guid ideaId, Guid contributionId, Actor actor, CarryingStatus answer, string? reason, CancellationToken ct)
    {
        var (goal, idea, link, organisation) = await CarryingAsync(goalId, ideaId, contributionId, actor, ct);
        if (link.Status != CarryingStatus.Requested)
        {
            throw new InputInvalidException("Carrying", link.Status == CarryingStatus.Accepted
                ? $"{organisation} already carries this change idea"
                : $"{organisation} already declined this request");
        }
        string? why = null;
        if (answer == CarryingStatus.Declined)
        {
            var errors = new InputErrors();
            why = errors.RequiredText("Reason", "Reason", reason, ChangeIdeaContribution.ReasonMaxLength,
                "Say why your organisation declines, so the goal's partners can plan without it");
            errors.ThrowIfAny();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        link.Status = answer;
        link.AnsweredAtUtc = now;
        link.AnsweredByName = actor.DisplayName;
        link.DeclineReason = answer == CarryingStatus.Declined ? why : null;
        db.Audit(actor, now, answer == CarryingStatus.Accepted ? "ChangeIdeaCarryingAccepted" : "ChangeIdeaCarryingDeclined", GoalService.EntityType, goalId,
            goal.Title, null, new SortedDictionary<string, string?> { [TitleField] = idea.Title, ["Organisation"] = organisation, ["Reason"] = link.DeclineReason });
        await SaveAnswerAsync(organisation, ct);
    }

    /// <summary>The link a lead of the contribution's organisation answers for; anyone else is refused.</summary>
    private async Task<(Goal Goal, ChangeIdea Idea, ChangeIdeaContribution Link, string Organisation)> CarryingAsync(Guid goalId, Guid ideaId, Guid contributionId,
        Actor actor, CancellationToken ct)
    {
        var goal = await db.Goals.AsNoTracking().SingleOrDefaultAsync(g => g.Id == goalId, ct) ?? throw new NotFoundException("There is no such goal in this system.");
        var idea = await db.ChangeIdeas.AsNoTracking().SingleOrDefaultAsync(c => c.Id == ideaId && c.GoalId == goalId, ct)
            ?? throw new NotFoundException("There is no such change idea for this goal.");
        var link = await db.ChangeIdeaContributions.SingleOrDefaultAsync(l => l.ChangeIdeaId == ideaId && l.ContributionId == contributionId, ct)
            ?? throw new NotFoundException("That contribution has not been asked to carry this change idea.");
        var contribution = await db.Contributions.AsNoTracking().SingleAsync(c => c.Id == contributionId, ct);
        if (!actor.IsOperator && !actor.IsLeadOf(contribution.OrganisationId))
        {
            throw new ForbiddenException("Only a lead of the contribution's own organisation can answer for it.");
        }
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == contribution.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        return (goal, idea, link, organisation);
    }

    private async Task SaveAnswerAsync(string organisation, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The status is a concurrency token: two leads answering at once, or an editor removing the request meanwhile.
            throw new InputInvalidException("Carrying", $"Someone else answered for {organisation} or changed the request just now; look again");
        }
    }

    public async Task RemoveChangeIdeaAsync(Guid goalId, Guid ideaId, Actor actor, CancellationToken ct)
    {
        var goal = await EditableGoalAsync(goalId, actor, ct);
        var idea = await db.ChangeIdeas.SingleOrDefaultAsync(c => c.Id == ideaId && c.GoalId == goalId, ct) ?? throw new NotFoundException("That change idea has already been removed.");
        db.ChangeIdeas.Remove(idea);
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "ChangeIdeaRemoved", GoalService.EntityType, goalId, goal.Title,
            new SortedDictionary<string, string?> { ["Change idea"] = idea.Title }, null);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Attaches a process measure to a driver.</summary>
    public async Task AttachMeasureAsync(Guid goalId, Guid driverId, Guid measureId, Actor actor, CancellationToken ct)
    {
        var goal = await EditableGoalAsync(goalId, actor, ct);
        var driver = await db.Drivers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == driverId && d.GoalId == goalId, ct) ?? throw new NotFoundException("There is no such driver for this goal.");
        var measure = await db.Measures.AsNoTracking().SingleOrDefaultAsync(m => m.Id == measureId, ct) ?? throw new InputInvalidException("MeasureId", "Select a measure of this system");
        if (await db.DriverMeasures.AnyAsync(m => m.DriverId == driverId && m.MeasureId == measureId, ct))
        {
            return;
        }
        db.DriverMeasures.Add(new DriverMeasure { SystemId = actor.SystemId, DriverId = driverId, MeasureId = measureId });
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "DriverMeasureAttached", GoalService.EntityType, goalId, goal.Title, null,
            new SortedDictionary<string, string?> { ["Driver"] = driver.Title, ["Measure"] = measure.Name });
        await db.SaveChangesAsync(ct);
    }
}
