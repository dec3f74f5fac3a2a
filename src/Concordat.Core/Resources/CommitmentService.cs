using System.Globalization;
using Concordat.Core.Access;
using Concordat.Core.Contributions;
using Concordat.Core.Data;
using Concordat.Core.Goals;
using Concordat.Core.History;
using Concordat.Core.Words;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Resources;

public sealed record CommitResource(Guid? ResourceId, double? Quantity, DateOnly? StartsOn, DateOnly? EndsOn, string? OverCommitmentReason);

public sealed record AddNeed(ResourceKind? Kind, string? Description, double? Quantity, string? Unit, DateOnly? StartsOn, DateOnly? EndsOn);

/// <summary>
/// Commits resources to goals through contributions, and records what goals need. A commitment may not take a
/// resource beyond its available capacity on any day unless a lead records why the partners accept that.
/// </summary>
public sealed class CommitmentService(ConcordatDb db, ResourceService resources, TimeProvider clock)
{
    public static void RequireCommitter(Actor actor, Guid contributingOrganisationId)
    {
        if (!actor.IsConvenor && !actor.CanContributeFor(contributingOrganisationId))
        {
            throw new ForbiddenException("Only the contributing organisation's leads and contributors, or a convenor, can commit resources to its contribution.");
        }
    }

    public const string EntityType = "ResourceCommitment";

    public async Task<ResourceCommitment> CommitAsync(Guid contributionId, CommitResource input, Actor actor, CancellationToken ct)
    {
        var contribution = await db.Contributions.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contributionId, ct)
            ?? throw new NotFoundException("There is no such contribution in this system.");
        CommitmentService.RequireCommitter(actor, contribution.OrganisationId);
        if (contribution.Status == ContributionStatus.Withdrawn)
        {
            throw new InputInvalidException("ResourceId", "This contribution has been withdrawn; resources cannot be committed to it");
        }
        var errors = new InputErrors();
        var resource = input.ResourceId is { } resourceId ? await db.Resources.SingleOrDefaultAsync(r => r.Id == resourceId, ct) : null;
        if (resource is null)
        {
            errors.Add(nameof(input.ResourceId), "Select a resource from the register");
        }
        if (input.Quantity is not { } quantity || !double.IsFinite(quantity) || quantity <= 0)
        {
            errors.Add(nameof(input.Quantity), "Enter how much to commit, as a number more than 0");
            quantity = 0;
        }
        CheckPeriod(errors, input.StartsOn, input.EndsOn, "commitment");
        var reason = errors.OptionalText(nameof(input.OverCommitmentReason), "Reason for over-commitment", input.OverCommitmentReason, ResourceCommitment.ReasonMaxLength);
        errors.ThrowIfAny();
        var (start, end) = (input.StartsOn!.Value, input.EndsOn!.Value);
        var existing = await resources.ActiveCommitments().Where(c => c.ResourceId == resource!.Id).ToListAsync(ct);
        var peak = CapacityLedger.Peak(existing.Select(c => (c.Quantity, c.StartsOn, c.EndsOn)), start, end);
        var free = Math.Max(0, resource!.AvailableCapacity - peak);
        if (quantity > free && reason is null)
        {
            throw new InputInvalidException(nameof(input.Quantity),
                $"Only {ResourceService.Amount(free, resource.Unit)} of {resource.Name} is free from {Prose.Dates(start, end)} " +
                $"({ResourceService.Amount(peak, resource.Unit)} of {ResourceService.Amount(resource.AvailableCapacity, resource.Unit)} is already committed). " +
                "Commit less, or record why the partners accept an over-commitment");
        }
        if (quantity > free && !actor.IsConvenor && !actor.IsLeadOf(contribution.OrganisationId))
        {
            throw new ForbiddenException("Only a lead of the contributing organisation, or a convenor, can record an over-commitment.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var commitment = new ResourceCommitment
        {
            SystemId = actor.SystemId, ContributionId = contributionId, ResourceId = resource.Id, Quantity = quantity, StartsOn = start, EndsOn = end,
            OverCommitmentReason = quantity > free ? reason : null, CreatedAtUtc = now, CreatedByName = actor.DisplayName,
        };
        db.ResourceCommitments.Add(commitment);
        // Renewing the resource's version makes two commitments saved at once conflict, so both cannot pass the capacity check.
        db.Entry(resource).Property(r => r.Version).IsModified = true;
        var goalTitle = await db.Goals.Where(g => g.Id == contribution.GoalId).Select(g => g.Title).SingleAsync(ct);
        db.Audit(actor, now, commitment.OverCommitmentReason is null ? "ResourceCommitted" : "ResourceOverCommitted", ResourceService.EntityType, resource.Id, resource.Name, null,
            new SortedDictionary<string, string?>
            {
                ["Goal"] = goalTitle, ["Amount"] = ResourceService.Amount(quantity, resource.Unit),
                ["Period"] = Prose.Dates(start, end), ["Over-commitment reason"] = commitment.OverCommitmentReason,
            });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new EditConflictException(resource.Name, Guid.Empty, new Dictionary<string, string?>());
        }
        return commitment;
    }

    /// <summary>Both ends of a period are given, and it does not end before it starts.</summary>
    private static void CheckPeriod(InputErrors errors, DateOnly? startsOn, DateOnly? endsOn, string noun)
    {
        if (startsOn is null)
        {
            errors.Add("StartsOn", $"Enter when the {noun} starts");
        }
        if (endsOn is null)
        {
            errors.Add("EndsOn", $"Enter when the {noun} ends");
        }
        else if (startsOn is { } start && endsOn < start)
        {
            errors.Add("EndsOn", $"The {noun} must end on or after the day it starts");
        }
    }

    /// <summary>Releases a commitment (the contributing organisation, or a convenor).</summary>
    public async Task ReleaseAsync(Guid commitmentId, Actor actor, CancellationToken ct)
    {
        var commitment = await db.ResourceCommitments.SingleOrDefaultAsync(c => c.Id == commitmentId, ct) ?? throw new NotFoundException("That commitment has already been released.");
        var contribution = await db.Contributions.AsNoTracking().SingleAsync(c => c.Id == commitment.ContributionId, ct);
        if (!actor.IsConvenor && !actor.CanContributeFor(contribution.OrganisationId))
        {
            throw new ForbiddenException("Only the contributing organisation, or a convenor, can release its commitment.");
        }
        var resource = await db.Resources.AsNoTracking().SingleAsync(r => r.Id == commitment.ResourceId, ct);
        db.ResourceCommitments.Remove(commitment);
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "ResourceReleased", ResourceService.EntityType, resource.Id, resource.Name,
            new SortedDictionary<string, string?>
            {
                ["Amount"] = ResourceService.Amount(commitment.Quantity, resource.Unit), ["Period"] = Prose.Dates(commitment.StartsOn, commitment.EndsOn),
            }, null);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<CommitmentRow>> ForContributionAsync(Guid contributionId, CancellationToken ct) =>
        await CommitmentRow.Query(db, db.ResourceCommitments.Where(c => c.ContributionId == contributionId), db.Contributions).ToListAsync(ct);

    /// <summary>Says what a goal needs (convenors, or leads of the goal's lead organisation).</summary>
    public async Task<GoalNeed> AddNeedAsync(Guid goalId, AddNeed input, Actor actor, CancellationToken ct)
    {
        var goal = await db.Goals.AsNoTracking().SingleOrDefaultAsync(g => g.Id == goalId, ct) ?? throw new NotFoundException("There is no such goal in this system.");
        Goal.RequireLeadOrConvenor(actor, goal.LeadOrganisationId, "say what it needs");
        if (goal.Status == GoalStatus.Retired)
        {
            throw new InputInvalidException(nameof(input.Kind), "This goal is retired; it no longer needs resources");
        }
        var errors = new InputErrors();
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(nameof(input.Kind), "Select the kind of resource the goal needs");
            kind = default;
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
        CheckPeriod(errors, input.StartsOn, input.EndsOn, "need");
        errors.ThrowIfAny();
        var need = new GoalNeed
        {
            SystemId = actor.SystemId, GoalId = goalId, Kind = kind, Description = description!, Quantity = quantity, Unit = unit!,
            StartsOn = input.StartsOn!.Value, EndsOn = input.EndsOn!.Value,
        };
        db.GoalNeeds.Add(need);
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "GoalNeedAdded", GoalService.EntityType, goalId, goal.Title, null, new SortedDictionary<string, string?>
        {
            ["Kind"] = kind.InWords(), ["Need"] = description, ["Amount"] = ResourceService.Amount(quantity, unit!),
            ["Period"] = Prose.Dates(need.StartsOn, need.EndsOn),
        });
        await db.SaveChangesAsync(ct);
        return need;
    }

    public async Task RemoveNeedAsync(Guid goalId, Guid needId, Actor actor, CancellationToken ct)
    {
        var goal = await db.Goals.AsNoTracking().SingleOrDefaultAsync(g => g.Id == goalId, ct) ?? throw new NotFoundException("There is no such goal in this system.");
        Goal.RequireLeadOrConvenor(actor, goal.LeadOrganisationId, "change what it needs");
        var need = await db.GoalNeeds.SingleOrDefaultAsync(n => n.Id == needId && n.GoalId == goalId, ct) ?? throw new NotFoundException("That need has already been removed.");
        db.GoalNeeds.Remove(need);
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "GoalNeedRemoved", GoalService.EntityType, goalId, goal.Title,
            new SortedDictionary<string, string?> { ["Need"] = need.Description, ["Amount"] = ResourceService.Amount(need.Quantity, need.Unit) }, null);
        await db.SaveChangesAsync(ct);
    }
}
