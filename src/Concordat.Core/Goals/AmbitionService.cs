using System.Security.Cryptography;
using System.Text;
using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.History;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Goals;

/// <summary>The fields a convenor sets on an ambition.</summary>
public sealed record SaveAmbition(string? Title, string? Description);

/// <summary>A goal as the arrangement lists it.</summary>
public sealed record ArrangedGoal(Guid Id, string Title, GoalStatus Status);

public sealed record ArrangedAmbition(Ambition Ambition, IReadOnlyList<ArrangedGoal> Goals);

/// <summary>
/// How the strategy is read: the ambitions in order, each with its goals in order, then the goals under no ambition.
/// <see cref="Version"/> is drawn from that order, so an arrangement made against an older one is refused.
/// </summary>
public sealed record Arrangement(IReadOnlyList<ArrangedAmbition> Ambitions, IReadOnlyList<ArrangedGoal> Unplaced, Guid Version);

/// <summary>The goals of one ambition, in the order they are to be read.</summary>
public sealed record AmbitionGoals(Guid AmbitionId, IReadOnlyList<Guid> GoalIds);

/// <summary>A whole arrangement: every ambition once, in order, each with its goals; then every goal under no ambition.</summary>
public sealed record SaveArrangement(IReadOnlyList<AmbitionGoals> Ambitions, IReadOnlyList<Guid> Unplaced);

/// <summary>Which way to move an ambition or a goal by one place.</summary>
public enum Move
{
    Up,
    Down,
}

public static class MoveWords
{
    public static string InWords(this Move move) => move switch
    {
        Move.Up => "Up",
        Move.Down => "Down",
        _ => throw new ArgumentOutOfRangeException(nameof(move), move, null),
    };
}

/// <summary>
/// Convenors keep the strategy's ambitions and the order in which ambitions and goals are read; everyone in the system reads
/// them. Every change to the order goes through <see cref="ArrangeAsync"/>, which states the whole order at once.
/// </summary>
public sealed class AmbitionService(ConcordatDb db, TimeProvider clock)
{
    public const string EntityType = "Ambition";

    public async Task<Arrangement> ArrangementAsync(CancellationToken ct)
    {
        var ambitions = await db.Ambitions.AsNoTracking().OrderBy(a => a.Position).ThenBy(a => a.Title).ThenBy(a => a.Id).ToListAsync(ct);
        var goals = await db.Goals.AsNoTracking().OrderBy(g => g.Position).ThenBy(g => g.Title).ThenBy(g => g.Id)
            .Select(g => new { g.AmbitionId, Goal = new ArrangedGoal(g.Id, g.Title, g.Status) }).ToListAsync(ct);
        var byAmbition = goals.ToLookup(g => g.AmbitionId, g => g.Goal);
        var arranged = ambitions.Select(a => new ArrangedAmbition(a, [.. byAmbition[a.Id]])).ToList();
        IReadOnlyList<ArrangedGoal> unplaced = [.. byAmbition[null]];
        return new Arrangement(arranged, unplaced, VersionOf(arranged.Select(a => (a.Ambition.Id, a.Goals.Select(g => g.Id))), unplaced.Select(g => g.Id)));
    }

    /// <summary>A version drawn from the order itself, so that two people moving things at once cannot undo each other unseen.</summary>
    private static Guid VersionOf(IEnumerable<(Guid Ambition, IEnumerable<Guid> Goals)> ambitions, IEnumerable<Guid> unplaced)
    {
        var text = new StringBuilder();
        foreach (var (ambition, goals) in ambitions)
        {
            text.Append(ambition).Append(':').AppendJoin(',', goals).Append(';');
        }
        text.Append("none:").AppendJoin(',', unplaced);
        return new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))[..16]);
    }

    public async Task<Ambition> GetAsync(Guid id, CancellationToken ct) =>
        await db.Ambitions.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("There is no such ambition in this system.");

    /// <summary>Adds an ambition after the others.</summary>
    public async Task<Ambition> CreateAsync(SaveAmbition input, Actor actor, CancellationToken ct)
    {
        actor.RequireConvenor("add ambitions");
        var (title, description) = await ValidateAsync(input, null, ct);
        var position = await db.Ambitions.AnyAsync(ct) ? await db.Ambitions.MaxAsync(a => a.Position, ct) + 1 : 0;
        var ambition = new Ambition { SystemId = actor.SystemId, Title = title, Description = description, Position = position };
        db.Ambitions.Add(ambition);
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "AmbitionAdded", EntityType, ambition.Id, ambition.Title, null, ambition.Snapshot());
        await SaveAsync(ct);
        return ambition;
    }

    /// <summary>Renames the ambition or changes its description, against the version the convenor read.</summary>
    public async Task<Ambition> UpdateAsync(Guid id, SaveAmbition input, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        var ambition = await db.Ambitions.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("There is no such ambition in this system.");
        actor.RequireConvenor("change ambitions");
        if (!ambition.Version.Matches(expectedVersion, "ambition"))
        {
            throw new EditConflictException(ambition.Title, ambition.Version, ambition.Snapshot());
        }
        var (title, description) = await ValidateAsync(input, id, ct);
        var before = ambition.Snapshot();
        db.Entry(ambition).Property(a => a.Version).OriginalValue = ambition.Version;
        (ambition.Title, ambition.Description) = (title, description);
        var after = ambition.Snapshot();
        if (before.SequenceEqual(after))
        {
            return ambition;
        }
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "AmbitionUpdated", EntityType, id, ambition.Title, before, after);
        try
        {
            await SaveAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Ambitions.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("That ambition has been removed.");
            throw new EditConflictException(current.Title, current.Version, current.Snapshot());
        }
        return ambition;
    }

    /// <summary>
    /// Removes an ambition that has no goals. One that still has goals is refused, naming them: where each goal goes
    /// next changes how the strategy reads, so the convenor decides it goal by goal rather than finding them moved.
    /// </summary>
    public async Task RemoveAsync(Guid id, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        var ambition = await db.Ambitions.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("That ambition has already been removed.");
        actor.RequireConvenor("remove ambitions");
        if (!ambition.Version.Matches(expectedVersion, "ambition"))
        {
            throw new EditConflictException(ambition.Title, ambition.Version, ambition.Snapshot());
        }
        var goals = await db.Goals.AsNoTracking().Where(g => g.AmbitionId == id).OrderBy(g => g.Position).ThenBy(g => g.Title).Select(g => g.Title).ToListAsync(ct);
        if (goals.Count > 0)
        {
            throw new InputInvalidException(nameof(SaveAmbition.Title),
                $"{ambition.Title} still has {Words.Prose.Count(goals.Count, "goal")} ({string.Join("; ", goals)}); move them to another ambition or to none first");
        }
        db.Ambitions.Remove(ambition);
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "AmbitionRemoved", EntityType, id, ambition.Title, ambition.Snapshot(), null);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || ForeignKeyViolation.Is(e))
        {
            // Changed meanwhile, or a goal was placed under it meanwhile: the convenor looks again.
            throw new InputInvalidException(nameof(SaveAmbition.Title), $"{ambition.Title} was changed or given a goal just now; look again before removing it");
        }
    }

    /// <summary>
    /// Sets the whole order at once: the ambitions, each one's goals, and the goals under no ambition. It must name every
    /// ambition and every goal of the system exactly once, and be made against the arrangement's current version.
    /// </summary>
    public async Task<Arrangement> ArrangeAsync(SaveArrangement input, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        actor.RequireConvenor("set the order of ambitions and goals");
        var current = await ArrangementAsync(ct);
        if (!current.Version.Matches(expectedVersion, "arrangement of ambitions and goals"))
        {
            throw new EditConflictException("The order of ambitions and goals", current.Version, Describe(current));
        }
        var ambitionIds = input.Ambitions.Select(a => a.AmbitionId).ToList();
        var goalIds = input.Ambitions.SelectMany(a => a.GoalIds).Concat(input.Unplaced).ToList();
        var errors = new InputErrors();
        if (ambitionIds.Distinct().Count() != ambitionIds.Count || !ambitionIds.ToHashSet().SetEquals(current.Ambitions.Select(a => a.Ambition.Id)))
        {
            errors.Add(nameof(input.Ambitions), "Name every ambition of the system once");
        }
        if (goalIds.Distinct().Count() != goalIds.Count
            || !goalIds.ToHashSet().SetEquals(current.Ambitions.SelectMany(a => a.Goals).Concat(current.Unplaced).Select(g => g.Id)))
        {
            errors.Add(nameof(input.Unplaced), "Name every goal of the system once, under an ambition or under none");
        }
        errors.ThrowIfAny();
        var before = Describe(current);
        var ambitions = await db.Ambitions.ToDictionaryAsync(a => a.Id, ct);
        var goals = await db.Goals.ToDictionaryAsync(g => g.Id, ct);
        foreach (var (entry, position) in input.Ambitions.Select((a, i) => (a, i)))
        {
            ambitions[entry.AmbitionId].Position = position;
            Place(entry.GoalIds, entry.AmbitionId);
        }
        Place(input.Unplaced, null);
        var arranged = ArrangementAfter(ambitions, goals);
        var after = Describe(arranged);
        if (before.SequenceEqual(after))
        {
            return current;
        }
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "GoalsArranged", EntityType, actor.SystemId, actor.SystemName, before, after);
        await db.SaveChangesAsync(ct);
        return await ArrangementAsync(ct);

        void Place(IReadOnlyList<Guid> ids, Guid? ambitionId)
        {
            foreach (var (id, position) in ids.Select((g, i) => (g, i)))
            {
                // Where a goal sits is the convenor's arrangement, not its wording, so it changes whatever the goal's status.
                goals[id].AmbitionId = ambitionId;
                goals[id].Position = position;
            }
        }
    }

    /// <summary>Moves an ambition one place up or down; at either end it stays where it is.</summary>
    public async Task<Arrangement> MoveAmbitionAsync(Guid id, Move move, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        actor.RequireConvenor("set the order of ambitions and goals");
        var current = await ArrangementAsync(ct);
        var order = current.Ambitions.ToList();
        var index = order.FindIndex(a => a.Ambition.Id == id);
        if (index < 0)
        {
            throw new NotFoundException("There is no such ambition in this system.");
        }
        Swap(order, index, move);
        return await ArrangeAsync(new SaveArrangement([.. order.Select(a => new AmbitionGoals(a.Ambition.Id, [.. a.Goals.Select(g => g.Id)]))],
            [.. current.Unplaced.Select(g => g.Id)]), expectedVersion, actor, ct);
    }

    /// <summary>Moves a goal one place up or down among the goals of its ambition (or of none).</summary>
    public async Task<Arrangement> MoveGoalAsync(Guid goalId, Move move, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        actor.RequireConvenor("set the order of ambitions and goals");
        var current = await ArrangementAsync(ct);
        var groups = current.Ambitions.Select(a => (Id: (Guid?)a.Ambition.Id, Goals: a.Goals.Select(g => g.Id).ToList()))
            .Append((Id: null, Goals: current.Unplaced.Select(g => g.Id).ToList())).ToList();
        var group = groups.SingleOrDefault(g => g.Goals.Contains(goalId));
        if (group.Goals is null)
        {
            throw new NotFoundException("There is no such goal in this system.");
        }
        Swap(group.Goals, group.Goals.IndexOf(goalId), move);
        return await ArrangeAsync(ToSave(groups), expectedVersion, actor, ct);
    }

    /// <summary>Puts a goal under another ambition (or none), after the goals already there.</summary>
    public async Task<Arrangement> PlaceGoalAsync(Guid goalId, Guid? ambitionId, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        actor.RequireConvenor("set the order of ambitions and goals");
        var current = await ArrangementAsync(ct);
        if (ambitionId is { } target && current.Ambitions.All(a => a.Ambition.Id != target))
        {
            throw new InputInvalidException("AmbitionId", "Select an ambition of this system");
        }
        var groups = current.Ambitions.Select(a => (Id: (Guid?)a.Ambition.Id, Goals: a.Goals.Select(g => g.Id).ToList()))
            .Append((Id: null, Goals: current.Unplaced.Select(g => g.Id).ToList())).ToList();
        var from = groups.SingleOrDefault(g => g.Goals.Contains(goalId));
        if (from.Goals is null)
        {
            throw new NotFoundException("There is no such goal in this system.");
        }
        if (from.Id == ambitionId)
        {
            return current;
        }
        from.Goals.Remove(goalId);
        groups.Single(g => g.Id == ambitionId).Goals.Add(goalId);
        return await ArrangeAsync(ToSave(groups), expectedVersion, actor, ct);
    }

    private static SaveArrangement ToSave(List<(Guid? Id, List<Guid> Goals)> groups) =>
        new([.. groups.Where(g => g.Id is not null).Select(g => new AmbitionGoals(g.Id!.Value, g.Goals))], groups.Single(g => g.Id is null).Goals);

    private static void Swap<T>(List<T> list, int index, Move move)
    {
        var other = move == Move.Up ? index - 1 : index + 1;
        if (other >= 0 && other < list.Count)
        {
            (list[index], list[other]) = (list[other], list[index]);
        }
    }

    /// <summary>The arrangement as the tracked, not yet saved, positions make it.</summary>
    private static Arrangement ArrangementAfter(Dictionary<Guid, Ambition> ambitions, Dictionary<Guid, Goal> goals)
    {
        var byAmbition = goals.Values.OrderBy(g => g.Position).ThenBy(g => g.Title, StringComparer.Ordinal).ThenBy(g => g.Id)
            .ToLookup(g => g.AmbitionId, g => new ArrangedGoal(g.Id, g.Title, g.Status));
        var arranged = ambitions.Values.OrderBy(a => a.Position).Select(a => new ArrangedAmbition(a, [.. byAmbition[a.Id]])).ToList();
        return new Arrangement(arranged, [.. byAmbition[null]], Guid.Empty);
    }

    /// <summary>The order as people read it in the history: each ambition with its goals, then the goals under none.</summary>
    private static SortedDictionary<string, string?> Describe(Arrangement arrangement)
    {
        var fields = new SortedDictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Ambitions"] = string.Join("; ", arrangement.Ambitions.Select(a => a.Ambition.Title)),
        };
        foreach (var a in arrangement.Ambitions)
        {
            fields[$"Goals of {a.Ambition.Title}"] = string.Join("; ", a.Goals.Select(g => g.Title));
        }
        fields["Goals under no ambition"] = string.Join("; ", arrangement.Unplaced.Select(g => g.Title));
        return fields;
    }

    private async Task<(string Title, string? Description)> ValidateAsync(SaveAmbition input, Guid? existingId, CancellationToken ct)
    {
        var errors = new InputErrors();
        var title = errors.RequiredText(nameof(input.Title), "Title", input.Title, Ambition.TitleMaxLength, "Enter the ambition, like \"Start well\"");
        var description = errors.OptionalText(nameof(input.Description), "Description", input.Description, Ambition.DescriptionMaxLength);
        if (title.Length > 0 && await db.Ambitions.AnyAsync(a => a.Title == title && a.Id != existingId, ct))
        {
            errors.Add(nameof(input.Title), $"There is already an ambition called {title} in this system");
        }
        errors.ThrowIfAny();
        return (title, description);
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && UniqueViolation.Is(e))
        {
            // Two convenors adding the same title at once: the index decides, and the loser is told why.
            throw new InputInvalidException(nameof(SaveAmbition.Title), "That title is already used in this system");
        }
    }
}
