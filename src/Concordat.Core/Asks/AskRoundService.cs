using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.Goals;
using Concordat.Core.History;
using Concordat.Core.Partnerships;
using Concordat.Core.Words;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Asks;

public sealed record OpenAskRound(DateOnly? ClosesOn, IReadOnlyList<Guid>? RequiredOrganisationIds);

public sealed record RecordAskPosition(Guid? OrganisationId, PositionKind? Kind, string? Reason, string? WouldResolve, string? Decision);

public sealed record AskResponseView(Guid OrganisationId, string Organisation, AskPosition? Position);

public sealed record AskRoundView(AskRound Round, IReadOnlyList<AskResponseView> Responses)
{
    public IEnumerable<AskResponseView> Outstanding => Responses.Where(r => r.Position is null);
}

/// <summary>
/// The partners' agreement to an ask before it is submitted. The ask's owner (a lead of the owning organisation, or a
/// convenor) opens a round on the draft's words; each organisation asked answers through its own leads, so no partner
/// puts its name to a request of a national body it has not agreed. The round closes as agreed when the last
/// organisation answers and no objection stands, and as not agreed when its closing date passes first.
/// </summary>
public sealed class AskRoundService(ConcordatDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<AskRoundView>> ForAskAsync(Guid askId, CancellationToken ct)
    {
        await SettleOverdueAsync(askId, ct);
        var rounds = await db.AskRounds.AsNoTracking().Include(r => r.RequiredResponses).Include(r => r.Positions)
            .Where(r => r.AskId == askId).OrderByDescending(r => r.OpenedAtUtc).ThenBy(r => r.Id).AsSplitQuery().ToListAsync(ct);
        var ids = rounds.SelectMany(r => r.RequiredResponses.Select(x => x.OrganisationId)).Distinct().ToList();
        var names = await db.Organisations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return [.. rounds.Select(r => new AskRoundView(r, [.. r.RequiredResponses
            .Select(x => new AskResponseView(x.OrganisationId, names.GetValueOrDefault(x.OrganisationId, "?"), r.Positions.SingleOrDefault(p => p.OrganisationId == x.OrganisationId)))
            .OrderBy(x => x.Organisation, StringComparer.Ordinal)]))];
    }

    public async Task<AskRound> OpenAsync(Guid askId, OpenAskRound input, Actor actor, CancellationToken ct)
    {
        await SettleOverdueAsync(askId, ct);
        var ask = await db.Asks.SingleOrDefaultAsync(a => a.Id == askId, ct) ?? throw new NotFoundException("There is no such ask in this system.");
        if (!AskService.CanDraftFor(actor, ask.OwnerOrganisationId))
        {
            throw new ForbiddenException("Only a convenor or a lead of the organisation that owns the ask can ask the partners to agree it.");
        }
        var errors = new InputErrors();
        if (ask.Status != AskStatus.Draft)
        {
            errors.Add(nameof(input.ClosesOn), $"This ask is {ask.Status.InWords().ToLowerInvariant()}: only a draft is put to the partners");
        }
        else if (await db.AskRounds.AnyAsync(r => r.AskId == askId && r.State == RoundState.Open, ct))
        {
            errors.Add(nameof(input.ClosesOn), "The partners are already being asked to agree this ask: withdraw that round first");
        }
        if (input.ClosesOn is not { } closesOn)
        {
            errors.Add(nameof(input.ClosesOn), "Enter the closing date");
        }
        else if (closesOn <= UkCalendar.Today(clock))
        {
            errors.Add(nameof(input.ClosesOn), "The closing date must be in the future");
        }
        var partners = await db.Organisations.Where(o => o.IsPartner && o.Type != OrganisationType.NationalBody).Select(o => o.Id).ToListAsync(ct);
        var required = (input.RequiredOrganisationIds ?? []).Distinct().ToList();
        if (required.Count == 0)
        {
            required = partners;
        }
        else if (required.Any(o => !partners.Contains(o)))
        {
            errors.Add(nameof(input.RequiredOrganisationIds), "Select partner organisations of this system");
        }
        errors.ThrowIfAny();

        var now = clock.GetUtcNow().UtcDateTime;
        var round = new AskRound
        {
            SystemId = ask.SystemId, AskId = ask.Id, State = RoundState.Open, OpenedByPersonId = actor.PersonId ?? Guid.Empty, OpenedByName = actor.DisplayName,
            OpenedAtUtc = now, ClosesOn = input.ClosesOn!.Value,
            RequiredResponses = [.. required.Select(o => new AskRoundResponse { SystemId = ask.SystemId, OrganisationId = o })],
        };
        db.AskRounds.Add(round);
        db.Audit(actor, now, "AskRoundOpened", AskService.EntityType, ask.Id, ask.Title, null, new SortedDictionary<string, string?>
        {
            ["Closes on"] = Prose.Date(round.ClosesOn),
            ["Organisations asked"] = string.Join(", ", await db.Organisations.Where(o => required.Contains(o.Id)).OrderBy(o => o.Name).Select(o => o.Name).ToListAsync(ct)),
        });
        await SaveAsync(ct);
        return round;
    }

    /// <summary>
    /// Records or changes one organisation's position, by one of its leads, while the round is open. When the last
    /// organisation asked answers and no objection stands, the ask is agreed locally in the same save.
    /// </summary>
    public async Task<AskPosition> RecordPositionAsync(Guid askId, Guid roundId, RecordAskPosition input, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        var round = await LoadOpenAsync(askId, roundId, ct);
        if (input.OrganisationId is not { } organisationId || round.RequiredResponses.All(r => r.OrganisationId != organisationId))
        {
            throw new InputInvalidException(nameof(input.OrganisationId), "Select an organisation this round asks to respond");
        }
        if (!actor.IsLeadOf(organisationId))
        {
            throw new ForbiddenException("Only a lead of the organisation can record its position on an ask.");
        }
        var errors = new InputErrors();
        var (kind, reason, wouldResolve, decision) = Position.ReadFields(errors, input.Kind, input.Reason, input.WouldResolve, input.Decision);
        Position.RequireReasons(errors, kind, reason, wouldResolve);
        errors.ThrowIfAny();

        var now = clock.GetUtcNow().UtcDateTime;
        var organisation = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(ct);
        var position = round.Positions.SingleOrDefault(p => p.OrganisationId == organisationId);
        var before = position?.Snapshot(organisation);
        if (position is null)
        {
            position = new AskPosition { SystemId = round.SystemId, RoundId = round.Id, OrganisationId = organisationId, RecordedByName = actor.DisplayName };
            db.AskPositions.Add(position);
        }
        else
        {
            if (!position.Version.Matches(expectedVersion, "position"))
            {
                throw new EditConflictException("Your organisation's position", position.Version, position.Snapshot(organisation));
            }
            db.Entry(position).Property(p => p.Version).OriginalValue = position.Version;
        }
        position.Kind = kind;
        position.Reason = reason;
        position.WouldResolve = kind == PositionKind.Object ? wouldResolve : null;
        position.Decision = decision;
        position.RecordedByPersonId = actor.PersonId ?? Guid.Empty;
        position.RecordedByName = actor.DisplayName;
        position.RecordedAtUtc = now;
        // Every position moves the round's version on, so two positions saved at once cannot both miss that together
        // they complete the round.
        db.Entry(round).State = EntityState.Modified;
        var ask = await db.Asks.SingleAsync(a => a.Id == askId, ct);
        db.Audit(actor, now, "AskPositionRecorded", AskService.EntityType, ask.Id, ask.Title, before, position.Snapshot(organisation));
        if (round.IsAgreedNow)
        {
            Close(round, ask, RoundState.Agreed, actor, now);
        }
        await SaveAsync(ct);
        return position;
    }

    /// <summary>Takes the ask back from the partners, so its owner can change the words and ask again.</summary>
    public async Task WithdrawAsync(Guid askId, Guid roundId, string? reason, Actor actor, CancellationToken ct)
    {
        var round = await LoadOpenAsync(askId, roundId, ct);
        var ask = await db.Asks.SingleAsync(a => a.Id == askId, ct);
        if (!AskService.CanDraftFor(actor, ask.OwnerOrganisationId))
        {
            throw new ForbiddenException("Only a convenor or a lead of the organisation that owns the ask can withdraw it from the partners.");
        }
        var errors = new InputErrors();
        var why = errors.OptionalText("Reason", "Reason", reason, Position.TextMaxLength);
        errors.ThrowIfAny();
        Close(round, ask, RoundState.Withdrawn, actor, clock.GetUtcNow().UtcDateTime, why);
        await SaveAsync(ct);
    }

    /// <summary>
    /// Closes, as not agreed, the ask's open round whose closing date has passed. Done when rounds are read, so the
    /// outcome never depends on a background job having run.
    /// </summary>
    private async Task SettleOverdueAsync(Guid askId, CancellationToken ct)
    {
        var today = UkCalendar.Today(clock);
        var overdue = await db.AskRounds.Include(r => r.RequiredResponses).Include(r => r.Positions)
            .Where(r => r.AskId == askId && r.State == RoundState.Open && r.ClosesOn < today).AsSplitQuery().ToListAsync(ct);
        if (overdue.Count == 0)
        {
            return;
        }
        var ask = await db.Asks.SingleAsync(a => a.Id == askId, ct);
        var system = new Actor(null, "Concordat (closing date passed)", isAdministrator: true, ask.SystemId, []);
        foreach (var round in overdue)
        {
            Close(round, ask, round.IsAgreedNow ? RoundState.Agreed : RoundState.NotAgreed, system, clock.GetUtcNow().UtcDateTime);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request settled the same round at the same moment: the outcome is the same.
            db.ChangeTracker.Clear();
        }
    }

    private void Close(AskRound round, Ask ask, RoundState outcome, Actor actor, DateTime now, string? reason = null)
    {
        round.State = outcome;
        round.ClosedAtUtc = now;
        db.Entry(round).State = EntityState.Modified;
        var before = ask.Status.InWords();
        if (outcome == RoundState.Agreed)
        {
            ask.Status = AskStatus.AgreedLocally;
            db.Entry(ask).State = EntityState.Modified;
        }
        var action = outcome switch
        {
            RoundState.Agreed => "AskAgreedLocally",
            RoundState.NotAgreed => "AskNotAgreedLocally",
            _ => "AskRoundWithdrawn",
        };
        db.Audit(actor, now, action, AskService.EntityType, ask.Id, ask.Title,
            new SortedDictionary<string, string?> { ["Status"] = before },
            new SortedDictionary<string, string?> { ["Status"] = ask.Status.InWords(), ["Reason for withdrawal"] = reason });
    }

    private async Task<AskRound> LoadOpenAsync(Guid askId, Guid roundId, CancellationToken ct)
    {
        if (!await db.AskRounds.AnyAsync(r => r.Id == roundId && r.AskId == askId, ct))
        {
            throw new NotFoundException("There is no such round on this ask.");
        }
        await SettleOverdueAsync(askId, ct);
        var round = await db.AskRounds.Include(r => r.RequiredResponses).Include(r => r.Positions).AsSplitQuery().SingleAsync(r => r.Id == roundId, ct);
        if (round.State != RoundState.Open)
        {
            throw new InputInvalidException("Round", $"This round is closed ({round.State.InWords()}): nothing more can be recorded");
        }
        return round;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new EditConflictException("The round", Guid.Empty, new Dictionary<string, string?>());
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Two leads recording their organisation's first position at once, or two rounds opened on one ask at once.
            throw new EditConflictException("The round", Guid.Empty, new Dictionary<string, string?>());
        }
    }
}
