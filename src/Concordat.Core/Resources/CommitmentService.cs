using Concordat.Core.Access;
using Concordat.Core.Contributions;
using Concordat.Core.Data;
using Concordat.Core.History;
using Concordat.Core.Partnerships;
using Concordat.Core.Words;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Resources;

public sealed record CommitResource(Guid? ResourceId, double? Quantity, DateOnly? StartsOn, DateOnly? EndsOn, string? OverCommitmentReason);

/// <summary>The owner's answer to a request: what it gives (less than asked, or for a shorter period, if it chooses).</summary>
public sealed record AcceptCommitment(double? Quantity = null, DateOnly? StartsOn = null, DateOnly? EndsOn = null, string? OverCommitmentReason = null);

public sealed record DeclineCommitment(string? Reason);

/// <summary>
/// Commits resources to goals through contributions. An organisation commits its own resources in one step; another
/// partner's resource is only requested, and counts once a lead of the owning organisation accepts it. No commitment
/// may take a resource beyond its available capacity on any day unless a lead of the owner records why.
/// </summary>
public sealed class CommitmentService(ConcordatDb db, ResourceService resources, TimeProvider clock)
{
    public const string EntityType = "ResourceCommitment";

    /// <summary>The contributing organisation's leads and contributors, or someone it delegated its resources to.</summary>
    public static void RequireCommitter(Actor actor, Guid contributingOrganisationId) =>
        actor.RequireActingFor(contributingOrganisationId, DelegatedCapability.Resources,
            "Only the contributing organisation's leads and contributors, or someone it delegated its resources to, can commit resources to its contribution.");

    /// <summary>Commits the contributing organisation's own resource, or asks the resource's owner for it.</summary>
    public async Task<ResourceCommitment> CommitAsync(Guid contributionId, CommitResource input, Actor actor, CancellationToken ct)
    {
        var contribution = await db.Contributions.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contributionId, ct)
            ?? throw new NotFoundException("There is no such contribution in this system.");
        RequireCommitter(actor, contribution.OrganisationId);
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
        var isOwn = resource!.OrganisationId == contribution.OrganisationId;
        var owner = await OrganisationNameAsync(resource.OrganisationId, ct);
        if (!isOwn && reason is not null)
        {
            throw new InputInvalidException(nameof(input.OverCommitmentReason),
                $"Only {owner}'s leads can decide to commit more of its resource than is free; request what is free, or ask them");
        }
        var (free, peak) = await FreeAsync(resource, start, end, exceptCommitmentId: null, ct);
        if (quantity > free && reason is null)
        {
            throw new InputInvalidException(nameof(input.Quantity),
                $"Only {Prose.Amount(free, resource.Unit)} of {resource.Name} is free from {Prose.Dates(start, end)} " +
                $"({Prose.Amount(peak, resource.Unit)} of {Prose.Amount(resource.AvailableCapacity, resource.Unit)} is already committed). " +
                (isOwn ? "Commit less, or record why the partners accept an over-commitment" : $"Request less, or ask {owner} whether it can offer more"));
        }
        if (quantity > free && !actor.IsLeadOf(resource.OrganisationId))
        {
            throw new ForbiddenException($"Only a lead of {owner} can commit more of its resource than is available.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var commitment = new ResourceCommitment
        {
            SystemId = actor.SystemId, ContributionId = contributionId, ResourceId = resource.Id,
            Status = isOwn ? CommitmentStatus.Accepted : CommitmentStatus.Requested,
            Quantity = quantity, StartsOn = start, EndsOn = end, RequestedQuantity = quantity, RequestedStartsOn = start, RequestedEndsOn = end,
            OverCommitmentReason = quantity > free ? reason : null, CreatedAtUtc = now, CreatedByName = actor.DisplayName,
        };
        db.ResourceCommitments.Add(commitment);
        // Renewing the resource's version makes two commitments saved at once conflict, so both cannot pass the capacity check.
        db.Entry(resource).Property(r => r.Version).IsModified = true;
        var goalTitle = await db.Goals.Where(g => g.Id == contribution.GoalId).Select(g => g.Title).SingleAsync(ct);
        var action = !isOwn ? "ResourceRequested" : commitment.OverCommitmentReason is null ? "ResourceCommitted" : "ResourceOverCommitted";
        db.Audit(actor, now, action, ResourceService.EntityType, resource.Id, resource.Name, null, new SortedDictionary<string, string?>
        {
            ["Goal"] = goalTitle, ["Amount"] = Prose.Amount(quantity, resource.Unit), ["Period"] = Period(start, end),
            ["Over-commitment reason"] = commitment.OverCommitmentReason,
            ["Requested by"] = isOwn ? null : await OrganisationNameAsync(contribution.OrganisationId, ct),
        });
        await SaveAsync(resource.Name, ct);
        return commitment;
    }

    /// <summary>A lead of the resource's owner accepts a request, in full or in part; the capacity rule applies again now.</summary>
    public async Task<ResourceCommitment> AcceptAsync(Guid commitmentId, AcceptCommitment input, Actor actor, CancellationToken ct)
    {
        var (commitment, resource, owner) = await LoadRequestAsync(commitmentId, actor, "accept", ct);
        if (await db.Contributions.AnyAsync(k => k.Id == commitment.ContributionId && k.Status == ContributionStatus.Withdrawn, ct))
        {
            throw new InputInvalidException(nameof(input.Quantity), "The contribution this request is for has been withdrawn; decline the request instead");
        }
        var errors = new InputErrors();
        var quantity = input.Quantity ?? commitment.RequestedQuantity;
        if (!double.IsFinite(quantity) || quantity <= 0)
        {
            errors.Add(nameof(input.Quantity), "Enter how much to give, as a number more than 0");
        }
        else if (quantity > commitment.RequestedQuantity)
        {
            errors.Add(nameof(input.Quantity), $"You can give at most the {Prose.Amount(commitment.RequestedQuantity, resource.Unit)} asked for");
        }
        var (start, end) = (input.StartsOn ?? commitment.RequestedStartsOn, input.EndsOn ?? commitment.RequestedEndsOn);
        if (start < commitment.RequestedStartsOn || start > commitment.RequestedEndsOn)
        {
            errors.Add(nameof(input.StartsOn), $"Start within the period asked for, {Period(commitment.RequestedStartsOn, commitment.RequestedEndsOn)}");
        }
        if (end > commitment.RequestedEndsOn || end < commitment.RequestedStartsOn)
        {
            errors.Add(nameof(input.EndsOn), $"End within the period asked for, {Period(commitment.RequestedStartsOn, commitment.RequestedEndsOn)}");
        }
        else if (end < start)
        {
            errors.Add(nameof(input.EndsOn), "The commitment must end on or after the day it starts");
        }
        var reason = errors.OptionalText(nameof(input.OverCommitmentReason), "Reason for over-commitment", input.OverCommitmentReason, ResourceCommitment.ReasonMaxLength);
        errors.ThrowIfAny();
        var (free, peak) = await FreeAsync(resource, start, end, commitment.Id, ct);
        if (quantity > free && reason is null)
        {
            throw new InputInvalidException(nameof(input.Quantity),
                $"Only {Prose.Amount(free, resource.Unit)} of {resource.Name} is free from {start:d MMM yyyy} to {end:d MMM yyyy} " +
                $"({Prose.Amount(peak, resource.Unit)} of {Prose.Amount(resource.AvailableCapacity, resource.Unit)} is already committed). " +
                "Give less, or record why you accept an over-commitment");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        commitment.Status = CommitmentStatus.Accepted;
        (commitment.Quantity, commitment.StartsOn, commitment.EndsOn) = (quantity, start, end);
        commitment.OverCommitmentReason = quantity > free ? reason : null;
        (commitment.AnsweredAtUtc, commitment.AnsweredByName) = (now, actor.DisplayName);
        db.Entry(resource).Property(r => r.Version).IsModified = true;
        db.Audit(actor, now, "ResourceRequestAccepted", ResourceService.EntityType, resource.Id, resource.Name,
            new SortedDictionary<string, string?> { ["Requested"] = $"{Prose.Amount(commitment.RequestedQuantity, resource.Unit)}, {Period(commitment.RequestedStartsOn, commitment.RequestedEndsOn)}" },
            new SortedDictionary<string, string?>
            {
                ["Accepted"] = $"{Prose.Amount(quantity, resource.Unit)}, {Period(start, end)}", ["Over-commitment reason"] = commitment.OverCommitmentReason,
                ["Owner"] = owner,
            });
        await SaveAsync(resource.Name, ct);
        return commitment;
    }

    /// <summary>A lead of the resource's owner declines a request, saying why; the requester sees the reason.</summary>
    public async Task<ResourceCommitment> DeclineAsync(Guid commitmentId, DeclineCommitment input, Actor actor, CancellationToken ct)
    {
        var (commitment, resource, owner) = await LoadRequestAsync(commitmentId, actor, "decline", ct);
        var errors = new InputErrors();
        var reason = errors.RequiredText(nameof(input.Reason), "Reason", input.Reason, ResourceCommitment.ReasonMaxLength,
            "Say why the request is declined, so the requesting partner can plan around it");
        errors.ThrowIfAny();
        var now = clock.GetUtcNow().UtcDateTime;
        commitment.Status = CommitmentStatus.Declined;
        commitment.DeclineReason = reason;
        (commitment.AnsweredAtUtc, commitment.AnsweredByName) = (now, actor.DisplayName);
        db.Audit(actor, now, "ResourceRequestDeclined", ResourceService.EntityType, resource.Id, resource.Name, null,
            new SortedDictionary<string, string?> { ["Requested"] = Prose.Amount(commitment.RequestedQuantity, resource.Unit), ["Reason"] = reason, ["Owner"] = owner });
        await SaveAsync(resource.Name, ct);
        return commitment;
    }

    /// <summary>
    /// Ends a commitment, withdraws a request or clears a declined one: the contributing organisation or a lead of the
    /// resource's owner (either side may end what they agreed), or someone either delegated its resources to.
    /// </summary>
    public async Task ReleaseAsync(Guid commitmentId, Actor actor, CancellationToken ct)
    {
        var commitment = await db.ResourceCommitments.SingleOrDefaultAsync(c => c.Id == commitmentId, ct) ?? throw new NotFoundException("That commitment has already been released.");
        var contribution = await db.Contributions.AsNoTracking().SingleAsync(c => c.Id == commitment.ContributionId, ct);
        var resource = await db.Resources.AsNoTracking().SingleAsync(r => r.Id == commitment.ResourceId, ct);
        // The owner ends only what it accepted; a request is the requester's to withdraw, and the owner's to answer.
        var ownerEndsWhatItGave = commitment.Status == CommitmentStatus.Accepted
            && actor.ActsFor(resource.OrganisationId, DelegatedCapability.Resources, leadsOnly: true);
        if (!ownerEndsWhatItGave)
        {
            actor.RequireActingFor(contribution.OrganisationId, DelegatedCapability.Resources,
                "Only the contributing organisation can withdraw its request; the resource's owner accepts or declines it, and may release what it accepted.");
        }
        db.ResourceCommitments.Remove(commitment);
        var action = commitment.Status switch
        {
            CommitmentStatus.Requested => "ResourceRequestWithdrawn",
            CommitmentStatus.Declined => "DeclinedRequestCleared",
            _ => "ResourceReleased",
        };
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, action, ResourceService.EntityType, resource.Id, resource.Name,
            new SortedDictionary<string, string?> { ["Amount"] = Prose.Amount(commitment.Quantity, resource.Unit), ["Period"] = Period(commitment.StartsOn, commitment.EndsOn) },
            null);
        await SaveAsync(resource.Name, ct);
    }

    public async Task<IReadOnlyList<CommitmentRow>> ForContributionAsync(Guid contributionId, CancellationToken ct) =>
        [.. (await CommitmentRow.Query(db, db.ResourceCommitments.Where(c => c.ContributionId == contributionId), db.Contributions).ToListAsync(ct))
            .OrderBy(r => r.Commitment.CreatedAtUtc).ThenBy(r => r.Commitment.Id)];

    public async Task<CommitmentRow> GetAsync(Guid commitmentId, CancellationToken ct) =>
        await CommitmentRow.Query(db, db.ResourceCommitments.Where(c => c.Id == commitmentId), db.Contributions).SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException("There is no such commitment in this system; it may have been released.");

    /// <summary>Every commitment and request in the system, whatever its status, the newest first.</summary>
    public async Task<IReadOnlyList<CommitmentRow>> AllAsync(CancellationToken ct) =>
        (await CommitmentRow.Query(db, db.ResourceCommitments, db.Contributions).ToListAsync(ct)).OrderByDescending(r => r.Commitment.CreatedAtUtc).ToList();

    /// <summary>Requests waiting for an answer, for the resources of the given organisations (all organisations when null), oldest first.</summary>
    public async Task<IReadOnlyList<CommitmentRow>> RequestsAsync(IReadOnlyCollection<Guid>? owners, CancellationToken ct)
    {
        var requests = db.ResourceCommitments.Where(c => c.Status == CommitmentStatus.Requested);
        if (owners is not null)
        {
            requests = requests.Where(c => db.Resources.Any(r => r.Id == c.ResourceId && owners.Contains(r.OrganisationId)));
        }
        return (await CommitmentRow.Query(db, requests, db.Contributions).ToListAsync(ct)).OrderBy(r => r.Commitment.CreatedAtUtc).ThenBy(r => r.Commitment.Id).ToList();
    }

    /// <summary>Both ends of a period are given, and it does not end before it starts.</summary>
    internal static void CheckPeriod(InputErrors errors, DateOnly? startsOn, DateOnly? endsOn, string noun)
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

    private async Task<(ResourceCommitment Commitment, Resource Resource, string Owner)> LoadRequestAsync(Guid commitmentId, Actor actor, string verb, CancellationToken ct)
    {
        var commitment = await db.ResourceCommitments.SingleOrDefaultAsync(c => c.Id == commitmentId, ct)
            ?? throw new NotFoundException("There is no such request in this system; it may have been withdrawn.");
        var resource = await db.Resources.SingleAsync(r => r.Id == commitment.ResourceId, ct);
        var owner = await OrganisationNameAsync(resource.OrganisationId, ct);
        if (!actor.IsLeadOf(resource.OrganisationId))
        {
            throw new ForbiddenException($"Only a lead of {owner}, which owns {resource.Name}, can {verb} requests for it.");
        }
        if (commitment.Status != CommitmentStatus.Requested)
        {
            throw new InputInvalidException("Status", $"This request has already been {(commitment.Status == CommitmentStatus.Accepted ? "accepted" : "declined")}");
        }
        return (commitment, resource, owner);
    }

    /// <summary>What is free of the resource over a period, counting only accepted commitments (and not the one being answered).</summary>
    private async Task<(double Free, double Peak)> FreeAsync(Resource resource, DateOnly start, DateOnly end, Guid? exceptCommitmentId, CancellationToken ct)
    {
        var existing = await resources.ActiveCommitments().Where(c => c.ResourceId == resource.Id && c.Id != exceptCommitmentId).ToListAsync(ct);
        var peak = CapacityLedger.Peak(existing.Select(c => (c.Quantity, c.StartsOn, c.EndsOn)), start, end);
        return (Math.Max(0, resource.AvailableCapacity - peak), peak);
    }

    private Task<string> OrganisationNameAsync(Guid organisationId, CancellationToken ct) =>
        db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(ct);

    private async Task SaveAsync(string resourceName, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new EditConflictException(resourceName, Guid.Empty, new Dictionary<string, string?>());
        }
    }

    private static string Period(DateOnly start, DateOnly end) => Prose.Dates(start, end);
}
