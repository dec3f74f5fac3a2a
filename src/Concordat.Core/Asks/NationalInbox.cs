using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.History;
using Concordat.Core.National;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Asks;

public sealed record InboxFilter(AskCategory? Category = null, Guid? SystemId = null, AskStatus? Status = null);

public sealed record InboxItem(Guid Id, Guid SystemId, string System, string Title, AskCategory Category, AskStatus Status, DateTime SubmittedAtUtc, AskClock Clock);

public sealed record InboxAsk(Ask Ask, string System, string Owner, IReadOnlyList<string> Goals, AskExchange Exchange);

/// <summary>A national body's move: accept for discussion, ask a question, agree, partly agree with conditions, or decline with reasons.</summary>
public sealed record NationalResponse(AskIterationKind? Kind, string? Text, string? Conditions);

/// <summary>
/// The asks addressed to a national partner's body, across every system, and the body's responses to them. It sees an
/// ask only once the system's partners agreed it and submitted it; nothing else of any system. Reads here opt out of
/// the per-system filter on purpose, and every one of them is limited to the partner's own body.
/// </summary>
public sealed class NationalInbox(ConcordatDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<InboxItem>> ListAsync(NationalPartnerView partner, InboxFilter filter, CancellationToken ct)
    {
        var asks = Addressed(partner);
        if (filter.Category is { } category)
        {
            asks = asks.Where(a => a.Category == category);
        }
        if (filter.SystemId is { } systemId)
        {
            asks = asks.Where(a => a.SystemId == systemId);
        }
        if (filter.Status is { } status)
        {
            asks = asks.Where(a => a.Status == status);
        }
        var rows = await asks.Join(db.Systems, a => a.SystemId, s => s.Id, (a, s) => new { a.Id, a.SystemId, System = s.Name, a.Title, a.Category, a.Status, a.SubmittedAtUtc })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var iterations = (await db.AskIterations.IgnoreQueryFilters().AsNoTracking().Where(i => ids.Contains(i.AskId))
            .Select(i => new { i.AskId, i.Number, i.Kind, i.AtUtc }).ToListAsync(ct)).ToLookup(i => i.AskId);
        var due = await DueDaysAsync(partner, ct);
        var today = UkCalendar.Today(clock);
        return [.. rows
            .Select(r => new InboxItem(r.Id, r.SystemId, r.System, r.Title, r.Category, r.Status, r.SubmittedAtUtc ?? default,
                AskClock.Read(iterations[r.Id].Select(i => (i.Number, i.Kind, UkCalendar.DayOf(i.AtUtc))), today, due)))
            // The body's own waiting asks first, oldest wait first; then the rest, newest submission first.
            .OrderBy(i => i.Clock.WaitingOn == AskSide.National ? 0 : 1)
            .ThenBy(i => i.Clock.WaitingOn == AskSide.National ? i.Clock.Since : null)
            .ThenByDescending(i => i.SubmittedAtUtc)
            .ThenBy(i => i.Id)];
    }

    /// <summary>The systems with asks addressed to the body, for the inbox's filter.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> SystemsAsync(NationalPartnerView partner, CancellationToken ct) =>
        [.. (await Addressed(partner).Select(a => a.SystemId).Distinct()
            .Join(db.Systems, id => id, s => s.Id, (id, s) => new { s.Id, s.Name }).OrderBy(s => s.Name).ToListAsync(ct)).Select(s => (s.Id, s.Name))];

    public async Task<InboxAsk> GetAsync(NationalPartnerView partner, Guid askId, CancellationToken ct)
    {
        var ask = await Addressed(partner).Include(a => a.Goals).SingleOrDefaultAsync(a => a.Id == askId, ct)
            ?? throw new NotFoundException("There is no such ask addressed to your body.");
        var system = await db.Systems.Where(s => s.Id == ask.SystemId).Select(s => s.Name).SingleAsync(ct);
        var owner = await db.Organisations.IgnoreQueryFilters().Where(o => o.Id == ask.OwnerOrganisationId).Select(o => o.Name).SingleAsync(ct);
        // The titles of the goals the system named in its ask are part of what it submitted; nothing more of them is read.
        var goalIds = ask.Goals.Select(g => g.GoalId).ToList();
        var goals = await db.Goals.IgnoreQueryFilters().Where(g => g.SystemId == ask.SystemId && goalIds.Contains(g.Id)).OrderBy(g => g.Title).Select(g => g.Title).ToListAsync(ct);
        var iterations = await db.AskIterations.IgnoreQueryFilters().AsNoTracking().Where(i => i.AskId == ask.Id).OrderBy(i => i.Number).ToListAsync(ct);
        return new InboxAsk(ask, system, owner, goals, AskExchangeService.Exchange(iterations, UkCalendar.Today(clock), await DueDaysAsync(partner, ct)));
    }

    /// <summary>
    /// The body's response, when it is the body's move: it becomes the next iteration, moves the ask's status on and,
    /// for an agreement, writes both sides of the deal (what is granted, and the conditions attached).
    /// </summary>
    public async Task<AskIteration> RespondAsync(NationalPartnerView partner, Guid askId, NationalResponse input, Guid? expectedVersion, CancellationToken ct)
    {
        var found = await GetAsync(partner, askId, ct);
        var errors = new InputErrors();
        var response = Read(input, errors, kind => Refusal(kind, found));
        errors.ThrowIfAny();
        var iteration = await ApplyAsync(partner, found, response, expectedVersion, null, ct);
        await SaveAsync(found.Ask.Title, ct);
        return iteration;
    }

    /// <summary>A response checked for what its kind needs, the same whether given to one ask or to a theme.</summary>
    internal sealed record ValidResponse(AskIterationKind Kind, string? Text, string? Conditions);

    /// <summary>Reads a response; <paramref name="refusal"/> says why this kind cannot be given now, if it cannot.</summary>
    internal static ValidResponse Read(NationalResponse input, InputErrors errors, Func<AskIterationKind, string?> refusal)
    {
        var kind = input.Kind ?? default;
        if (input.Kind is not ({ } k and not (AskIterationKind.Proposal or AskIterationKind.RevisedProposal or AskIterationKind.Feedback)) || !Enum.IsDefined(k))
        {
            errors.Add(nameof(input.Kind), "Select your body's response");
        }
        else if (refusal(kind) is { } why)
        {
            errors.Add(nameof(input.Kind), why);
        }
        var text = kind switch
        {
            AskIterationKind.Question => errors.RequiredText(nameof(input.Text), "Your question", input.Text, AskIteration.TextMaxLength, "Enter your question for the system"),
            AskIterationKind.PartlyAgreed => errors.RequiredText(nameof(input.Text), "What is agreed", input.Text, AskIteration.TextMaxLength, "Say which part of the ask is agreed"),
            AskIterationKind.Declined => errors.RequiredText(nameof(input.Text), "Reasons", input.Text, AskIteration.TextMaxLength, "Give your body's reasons for declining"),
            _ => errors.OptionalText(nameof(input.Text), "Response", input.Text, AskIteration.TextMaxLength),
        };
        var conditions = kind switch
        {
            AskIterationKind.PartlyAgreed => errors.RequiredText(nameof(input.Conditions), "Conditions", input.Conditions, AskIteration.TextMaxLength,
                "Enter the conditions attached to the partial agreement"),
            AskIterationKind.Agreed => errors.OptionalText(nameof(input.Conditions), "Conditions", input.Conditions, AskIteration.TextMaxLength),
            _ => null,
        };
        if (kind is not (AskIterationKind.Agreed or AskIterationKind.PartlyAgreed) && !string.IsNullOrWhiteSpace(input.Conditions))
        {
            errors.Add(nameof(input.Conditions), "Conditions are attached only to an agreement or a partial agreement");
        }
        return new ValidResponse(kind, text, conditions);
    }

    /// <summary>Why the body cannot give this response to the ask now (null when it can): it is not its move, or it accepted the ask already.</summary>
    internal static string? Refusal(AskIterationKind kind, InboxAsk found) =>
        found.Exchange.Clock.WaitingOn != AskSide.National
            ? found.Exchange.Clock.WaitingOn == AskSide.System
                ? "The ask is with the system: your body responds once it replies"
                : "Your body has decided on this ask: it responds again only to a revised proposal"
            : kind == AskIterationKind.AcceptedForDiscussion && found.Ask.Status != AskStatus.Submitted
                ? "This ask is in discussion already: ask a question or give your decision"
                : null;

    /// <summary>
    /// Adds the response to the ask as its next iteration, in the ask's own system: the ask is read again by its id and
    /// body, and everything written (the ask, the iteration, the audit entry) carries that system's id.
    /// </summary>
    internal async Task<AskIteration> ApplyAsync(NationalPartnerView partner, InboxAsk found, ValidResponse response, Guid? expectedVersion, NationalTheme? theme,
        CancellationToken ct)
    {
        var ask = await db.Asks.IgnoreQueryFilters().SingleAsync(a => a.Id == found.Ask.Id && a.NationalBodyId == partner.NationalBodyId, ct);
        if (!ask.Version.Matches(expectedVersion, "ask"))
        {
            throw new EditConflictException(ask.Title, ask.Version, new Dictionary<string, string?> { ["Status"] = ask.Status.InWords() });
        }
        db.Entry(ask).Property(a => a.Version).OriginalValue = ask.Version;
        db.Entry(ask).State = EntityState.Modified;
        var before = ask.Status.InWords();
        var now = clock.GetUtcNow().UtcDateTime;
        var (kind, text, conditions) = (response.Kind, response.Text, response.Conditions);
        var iteration = AskIterations.Append(db, ask, kind, partner.PersonId, partner.Name, partner.NationalBody, now, text, conditions, null,
            found.Exchange.Iterations.Count == 0 ? 0 : found.Exchange.Iterations[^1].Iteration.Number, theme);
        if (kind is AskIterationKind.Agreed or AskIterationKind.PartlyAgreed)
        {
            ask.Granted = text ?? ask.Request;
            ask.Conditions = conditions;
            ask.ConditionStatus = ConditionStatus.NotAssessed;
            ask.ConditionNote = null;
        }
        db.AuditNational(ask.SystemId, partner.PersonId, partner.Name, partner.NationalBody, now, "AskResponded", AskService.EntityType, ask.Id, ask.Title,
            new SortedDictionary<string, string?> { ["Status"] = before },
            new SortedDictionary<string, string?>
            {
                ["Status"] = ask.Status.InWords(), ["Response"] = kind.InWords(), ["Said"] = text, ["Conditions"] = conditions,
                ["Iteration"] = iteration.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Given to the national theme"] = theme?.Title,
            });
        return iteration;
    }

    internal async Task SaveAsync(string what, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueViolation.Is(e))
        {
            // The system replied, or a colleague responded, while this person wrote: read again.
            throw new EditConflictException(what, Guid.Empty, new Dictionary<string, string?>());
        }
    }

    /// <summary>Asks addressed to the partner's body that its system has submitted: the only asks a national partner reads.</summary>
    private IQueryable<Ask> Addressed(NationalPartnerView partner) =>
        db.Asks.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.NationalBodyId == partner.NationalBodyId && a.Status != AskStatus.Draft && a.Status != AskStatus.AgreedLocally);

    private async Task<int> DueDaysAsync(NationalPartnerView partner, CancellationToken ct) =>
        await db.NationalBodies.Where(b => b.Id == partner.NationalBodyId).Select(b => b.ResponseDueWorkingDays).SingleAsync(ct);
}
