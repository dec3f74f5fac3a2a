using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.Goals;
using Concordat.Core.History;
using Concordat.Core.Partnerships;
using Concordat.Core.Raid;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Asks;

/// <summary>The fields of an ask as its owner drafts it.</summary>
public sealed record SaveAsk(string? Title, AskCategory? Category, Guid? NationalBodyId, string? Barrier, string? Request, string? Evidence, string? Offer,
    Guid? OwnerOrganisationId, IReadOnlyList<Guid>? GoalIds = null, IReadOnlyList<Guid>? RiskIds = null);

public sealed record AskSummary(Guid Id, string Title, AskCategory Category, AskStatus Status, string NationalBody, string Owner, int Goals);

public sealed record AskDetail(Ask Ask, string NationalBody, string Owner, IReadOnlyList<(Guid Id, string Title)> Goals, IReadOnlyList<(Guid Id, string Text)> Risks);

/// <summary>
/// A system's asks of national bodies. Everyone in the system reads them; a lead of the owning organisation (or a
/// convenor) drafts one and changes it while it is a draft, because once the partners have agreed it, its words are theirs.
/// </summary>
public sealed class AskService(ConcordatDb db, TimeProvider clock)
{
    public const string EntityType = "Ask";

    public async Task<IReadOnlyList<AskSummary>> ListAsync(CancellationToken ct) =>
        await db.Asks.AsNoTracking().OrderBy(a => a.Title).ThenBy(a => a.Id)
            .Select(a => new AskSummary(a.Id, a.Title, a.Category, a.Status,
                db.NationalBodies.Where(b => b.Id == a.NationalBodyId).Select(b => b.Name).Single(),
                db.Organisations.Where(o => o.Id == a.OwnerOrganisationId).Select(o => o.Name).Single(),
                a.Goals.Count))
            .ToListAsync(ct);

    public async Task<AskDetail> GetAsync(Guid id, CancellationToken ct)
    {
        var ask = await db.Asks.AsNoTracking().Include(a => a.Goals).Include(a => a.Risks).SingleOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new NotFoundException("There is no such ask in this system.");
        var body = await db.NationalBodies.Where(b => b.Id == ask.NationalBodyId).Select(b => b.Name).SingleAsync(ct);
        var owner = await db.Organisations.Where(o => o.Id == ask.OwnerOrganisationId).Select(o => o.Name).SingleAsync(ct);
        var goalIds = ask.Goals.Select(g => g.GoalId).ToList();
        var riskIds = ask.Risks.Select(r => r.RaidEntryId).ToList();
        var goals = await db.Goals.AsNoTracking().Where(g => goalIds.Contains(g.Id)).OrderBy(g => g.Title).Select(g => new { g.Id, g.Title }).ToListAsync(ct);
        var risks = await db.RaidEntries.AsNoTracking().Where(r => riskIds.Contains(r.Id)).OrderBy(r => r.Text).Select(r => new { r.Id, r.Text }).ToListAsync(ct);
        return new AskDetail(ask, body, owner, [.. goals.Select(g => (g.Id, g.Title))], [.. risks.Select(r => (r.Id, r.Text))]);
    }

    /// <summary>Convenors, and leads of the owning organisation, draft and change a draft ask.</summary>
    public static bool CanDraftFor(Actor actor, Guid ownerOrganisationId) => actor.IsConvenor || actor.IsLeadOf(ownerOrganisationId);

    public async Task<Ask> CreateAsync(SaveAsk input, Actor actor, CancellationToken ct)
    {
        if (!actor.IsConvenor && !actor.Memberships.Any(m => m.Role == Role.OrganisationLead))
        {
            throw new ForbiddenException("Only a convenor or an organisation lead can draft an ask.");
        }
        var valid = await ValidateAsync(input, actor, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var ask = new Ask
        {
            SystemId = actor.SystemId, Title = valid.Title, Barrier = valid.Barrier, Request = valid.Request, CreatedAtUtc = now, CreatedByName = actor.DisplayName,
        };
        Apply(ask, valid);
        db.Asks.Add(ask);
        db.Audit(actor, now, "AskDrafted", EntityType, ask.Id, ask.Title, null, await SnapshotAsync(ask, ct));
        await db.SaveChangesAsync(ct);
        return ask;
    }

    /// <exception cref="EditConflictException"><paramref name="expectedVersion"/> is not the version stored.</exception>
    public async Task<Ask> UpdateAsync(Guid id, SaveAsk input, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        var ask = await db.Asks.Include(a => a.Goals).Include(a => a.Risks).SingleOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new NotFoundException("There is no such ask in this system.");
        if (!CanDraftFor(actor, ask.OwnerOrganisationId))
        {
            throw new ForbiddenException("Only a convenor or a lead of the organisation that owns the ask can change it.");
        }
        if (ask.Status != AskStatus.Draft)
        {
            throw new InputInvalidException(nameof(SaveAsk.Title), $"This ask is {ask.Status.InWords().ToLowerInvariant()}: its words are the partners' now, and change only through a new iteration");
        }
        if (await db.AskRounds.AnyAsync(r => r.AskId == id && r.State == Goals.RoundState.Open, ct))
        {
            throw new InputInvalidException(nameof(SaveAsk.Title), "The partners are being asked to agree these words: withdraw the round to change them");
        }
        if (!ask.Version.Matches(expectedVersion, "ask"))
        {
            throw new EditConflictException(ask.Title, ask.Version, await SnapshotAsync(ask, ct));
        }
        var valid = await ValidateAsync(input, actor, ct);
        var before = await SnapshotAsync(ask, ct);
        db.Entry(ask).Property(a => a.Version).OriginalValue = ask.Version;
        ask.Title = valid.Title;
        ask.Barrier = valid.Barrier;
        ask.Request = valid.Request;
        Apply(ask, valid);
        var after = await SnapshotAsync(ask, ct);
        if (before.SequenceEqual(after))
        {
            return ask;
        }
        // Changing only the links leaves the ask's row untouched; the version must still move on.
        db.Entry(ask).State = EntityState.Modified;
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "AskChanged", EntityType, id, ask.Title, before, after);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Asks.AsNoTracking().Include(a => a.Goals).Include(a => a.Risks).SingleAsync(a => a.Id == id, ct);
            throw new EditConflictException(current.Title, current.Version, await SnapshotAsync(current, ct));
        }
        return ask;
    }

    private sealed record ValidAsk(string Title, AskCategory Category, Guid NationalBodyId, string Barrier, string Request, string? Evidence, string? Offer,
        Guid OwnerOrganisationId, IReadOnlyList<Guid> GoalIds, IReadOnlyList<Guid> RiskIds);

    private async Task<ValidAsk> ValidateAsync(SaveAsk input, Actor actor, CancellationToken ct)
    {
        // In the order the form asks, so the error summary reads top to bottom.
        var errors = new InputErrors();
        var title = errors.RequiredText(nameof(input.Title), "Title", input.Title, Ask.TitleMaxLength, "Enter a title for the ask");
        if (input.Category is not { } category || !Enum.IsDefined(category))
        {
            errors.Add(nameof(input.Category), "Select the kind of change asked");
            category = default;
        }
        if (input.NationalBodyId is not { } bodyId || !await db.NationalBodies.AnyAsync(b => b.Id == bodyId, ct))
        {
            errors.Add(nameof(input.NationalBodyId), "Select the national body the ask is addressed to");
            bodyId = default;
        }
        var barrier = errors.RequiredText(nameof(input.Barrier), "The barrier", input.Barrier, Ask.TextMaxLength, "Say what stops the partners today");
        var request = errors.RequiredText(nameof(input.Request), "What we ask", input.Request, Ask.TextMaxLength, "Say the specific change you ask for");
        var evidence = errors.OptionalText(nameof(input.Evidence), "Evidence", input.Evidence, Ask.TextMaxLength);
        var offer = errors.OptionalText(nameof(input.Offer), "What we offer in return", input.Offer, Ask.TextMaxLength);
        if (input.OwnerOrganisationId is not { } ownerId || !await db.Organisations.AnyAsync(o => o.Id == ownerId && o.IsPartner, ct))
        {
            errors.Add(nameof(input.OwnerOrganisationId), "Select the partner organisation that owns the ask");
            ownerId = default;
        }
        else if (!CanDraftFor(actor, ownerId))
        {
            errors.Add(nameof(input.OwnerOrganisationId), "Choose your own organisation as the ask's owner, or ask a convenor to name another");
        }
        var goalIds = (input.GoalIds ?? []).Distinct().ToList();
        var goals = await db.Goals.Where(g => goalIds.Contains(g.Id) && g.Status != GoalStatus.Retired).CountAsync(ct);
        if (goals != goalIds.Count)
        {
            errors.Add(nameof(input.GoalIds), "Select goals of this system that are not retired");
        }
        var riskIds = (input.RiskIds ?? []).Distinct().ToList();
        var risks = await db.RaidEntries.Where(r => riskIds.Contains(r.Id) && r.Kind == RaidKind.Risk).CountAsync(ct);
        if (risks != riskIds.Count)
        {
            errors.Add(nameof(input.RiskIds), "Select risks from this system's RAID log");
        }
        errors.ThrowIfAny();
        return new ValidAsk(title, category, bodyId, barrier, request, evidence, offer, ownerId, goalIds, riskIds);
    }

    private static void Apply(Ask ask, ValidAsk valid)
    {
        ask.Category = valid.Category;
        ask.NationalBodyId = valid.NationalBodyId;
        ask.Evidence = valid.Evidence;
        ask.Offer = valid.Offer;
        ask.OwnerOrganisationId = valid.OwnerOrganisationId;
        ask.Goals.RemoveAll(g => !valid.GoalIds.Contains(g.GoalId));
        ask.Goals.AddRange(valid.GoalIds.Where(id => ask.Goals.All(g => g.GoalId != id)).Select(id => new AskGoal { SystemId = ask.SystemId, AskId = ask.Id, GoalId = id }));
        ask.Risks.RemoveAll(r => !valid.RiskIds.Contains(r.RaidEntryId));
        ask.Risks.AddRange(valid.RiskIds.Where(id => ask.Risks.All(r => r.RaidEntryId != id)).Select(id => new AskRisk { SystemId = ask.SystemId, AskId = ask.Id, RaidEntryId = id }));
    }

    /// <summary>The ask as people read it, for the history.</summary>
    private async Task<SortedDictionary<string, string?>> SnapshotAsync(Ask ask, CancellationToken ct)
    {
        var goalIds = ask.Goals.Select(g => g.GoalId).ToList();
        var riskIds = ask.Risks.Select(r => r.RaidEntryId).ToList();
        var goals = await db.Goals.Where(g => goalIds.Contains(g.Id)).Select(g => g.Title).ToListAsync(ct);
        var risks = await db.RaidEntries.Where(r => riskIds.Contains(r.Id)).Select(r => r.Text).ToListAsync(ct);
        return new SortedDictionary<string, string?>
        {
            ["Title"] = ask.Title,
            ["Kind of change"] = ask.Category.InWords(),
            ["Addressed to"] = await db.NationalBodies.Where(b => b.Id == ask.NationalBodyId).Select(b => b.Name).SingleOrDefaultAsync(ct),
            ["The barrier"] = ask.Barrier,
            ["What we ask"] = ask.Request,
            ["Evidence"] = ask.Evidence,
            ["What we offer in return"] = ask.Offer,
            ["Owner"] = await db.Organisations.Where(o => o.Id == ask.OwnerOrganisationId).Select(o => o.Name).SingleOrDefaultAsync(ct),
            ["Goals it unlocks"] = goals.Count == 0 ? null : string.Join(", ", goals.Order(StringComparer.Ordinal)),
            ["Risks it mitigates"] = risks.Count == 0 ? null : string.Join(", ", risks.Order(StringComparer.Ordinal)),
        };
    }
}
