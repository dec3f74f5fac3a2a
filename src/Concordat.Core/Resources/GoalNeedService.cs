using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.Goals;
using Concordat.Core.History;
using Concordat.Core.Words;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Resources;

/// <summary>A need; <paramref name="Types"/> names what meets it (one type, or several the partners accept), and the kind may be left out.</summary>
public sealed record AddNeed(ResourceKind? Kind, string? Description, double? Quantity, string? Unit, DateOnly? StartsOn, DateOnly? EndsOn,
    IReadOnlyList<ResourceType>? Types = null);

/// <summary>What goals need of each kind of resource, said by the organisations that lead or own the goal (or a convenor).</summary>
public sealed class GoalNeedService(ConcordatDb db, TimeProvider clock)
{
    /// <summary>Says what a goal needs (convenors, or leads of an organisation that leads or owns the goal).</summary>
    public async Task<GoalNeed> AddNeedAsync(Guid goalId, AddNeed input, Actor actor, CancellationToken ct)
    {
        var goal = await db.Goals.AsNoTracking().SingleOrDefaultAsync(g => g.Id == goalId, ct) ?? throw new NotFoundException("There is no such goal in this system.");
        Goal.RequireSteward(actor, await Goal.StewardsAsync(db, goal.Id, ct), "say what it needs");
        if (goal.Status == GoalStatus.Retired)
        {
            throw new InputInvalidException(nameof(input.Kind), "This goal is retired; it no longer needs resources");
        }
        var errors = new InputErrors();
        var types = (input.Types ?? []).Where(Enum.IsDefined).Distinct().ToList();
        var kind = input.Kind is { } k && Enum.IsDefined(k) ? k : types.Count > 0 ? types[0].KindOf() : default;
        if (types.Count == 0)
        {
            errors.Add(nameof(input.Types), "Select the type of resource that meets the need, like registered nursing");
        }
        else if (types.FirstOrDefault(t => t.KindOf() != kind) is var stray && types.Any(t => t.KindOf() != kind))
        {
            errors.Add(nameof(input.Types), $"A need is of one kind: {stray.InWords()} is not {kind.ToString().ToLowerInvariant()}");
        }
        var description = errors.OptionalText(nameof(input.Description), "Description", input.Description, GoalNeed.DescriptionMaxLength);
        if (description is null)
        {
            errors.Add(nameof(input.Description), "Say what is needed, like community nurses for the frailty hubs");
        }
        if (input.Quantity is not { } quantity || !double.IsFinite(quantity) || quantity <= 0)
        {
            errors.Add(nameof(input.Quantity), "Enter how much is needed, as a number more than 0");
            quantity = 0;
        }
        var unit = errors.OptionalText(nameof(input.Unit), "Unit", input.Unit, Resource.UnitMaxLength);
        if (unit is null)
        {
            errors.Add(nameof(input.Unit), "Enter the unit, like WTE, m² or £");
        }
        CommitmentService.CheckPeriod(errors, input.StartsOn, input.EndsOn, "need");
        errors.ThrowIfAny();
        var need = new GoalNeed
        {
            SystemId = actor.SystemId, GoalId = goalId, Kind = kind, Types = types, Description = description!, Quantity = quantity, Unit = unit!,
            StartsOn = input.StartsOn!.Value, EndsOn = input.EndsOn!.Value,
        };
        db.GoalNeeds.Add(need);
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "GoalNeedAdded", GoalService.EntityType, goalId, goal.Title, null, new SortedDictionary<string, string?>
        {
            ["Kind"] = kind.InWords(), ["Met by"] = string.Join(" or ", types.Select(t => t.InWords())), ["Need"] = description, ["Amount"] = Prose.Amount(quantity, unit!),
            ["Period"] = Prose.Dates(need.StartsOn, need.EndsOn),
        });
        await db.SaveChangesAsync(ct);
        return need;
    }

    public async Task RemoveNeedAsync(Guid goalId, Guid needId, Actor actor, CancellationToken ct)
    {
        var goal = await db.Goals.AsNoTracking().SingleOrDefaultAsync(g => g.Id == goalId, ct) ?? throw new NotFoundException("There is no such goal in this system.");
        Goal.RequireSteward(actor, await Goal.StewardsAsync(db, goal.Id, ct), "change what it needs");
        var need = await db.GoalNeeds.SingleOrDefaultAsync(n => n.Id == needId && n.GoalId == goalId, ct) ?? throw new NotFoundException("That need has already been removed.");
        db.GoalNeeds.Remove(need);
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "GoalNeedRemoved", GoalService.EntityType, goalId, goal.Title,
            new SortedDictionary<string, string?> { ["Need"] = need.Description, ["Amount"] = Prose.Amount(need.Quantity, need.Unit) }, null);
        await db.SaveChangesAsync(ct);
    }
}
