using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.History;
using Concordat.Core.Strategy;
using Concordat.Core.Words;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Asks;

/// <summary>The system's move: feedback in words, or a revised proposal (new words, and why).</summary>
public sealed record SystemReply(AskIterationKind? Kind, string? Text, string? Title = null, string? Barrier = null, string? Request = null, string? Offer = null);

/// <summary>One iteration as people read it: a proposal shows, word by word, what changed since the one before.</summary>
public sealed record IterationView(AskIteration Iteration, IReadOnlyList<FieldDifference> Changes);

public sealed record AskExchange(IReadOnlyList<IterationView> Iterations, AskClock Clock)
{
    public AskIteration? LastProposal => Iterations.LastOrDefault(i => i.Iteration.IsProposal)?.Iteration;
}

public sealed record ConditionAssessment(ConditionStatus? Status, string? Note);

/// <summary>
/// The exchange between a system and the body its ask is addressed to, on the system's side: submitting the words
/// the partners agreed, answering the body, revising the proposal, and then the ask's life after the decision
/// (implemented, impact reviewed, the conditions kept). A convenor or a lead of the owning organisation acts for the
/// system. The body's side is <see cref="NationalInbox"/>.
/// </summary>
public sealed class AskExchangeService(ConcordatDb db, TimeProvider clock)
{
    public async Task<AskExchange> ReadAsync(Guid askId, CancellationToken ct)
    {
        var iterations = await db.AskIterations.AsNoTracking().Where(i => i.AskId == askId).OrderBy(i => i.Number).ToListAsync(ct);
        var due = await db.Asks.Where(a => a.Id == askId)
            .Select(a => db.NationalBodies.Where(b => b.Id == a.NationalBodyId).Select(b => b.ResponseDueWorkingDays).Single()).SingleOrDefaultAsync(ct);
        return Exchange(iterations, UkCalendar.Today(clock), due);
    }

    /// <summary>The exchange read from its iterations, on the day given.</summary>
    public static AskExchange Exchange(IReadOnlyList<AskIteration> iterations, DateOnly today, int dueWorkingDays)
    {
        var views = new List<IterationView>();
        AskIteration? previous = null;
        foreach (var iteration in iterations.OrderBy(i => i.Number))
        {
            if (!iteration.IsProposal)
            {
                views.Add(new IterationView(iteration, []));
                continue;
            }
            views.Add(new IterationView(iteration, previous is null ? [] : Changes(previous, iteration)));
            previous = iteration;
        }
        var clockReading = AskClock.Read(iterations.Select(i => (i.Number, i.Kind, UkCalendar.DayOf(i.AtUtc))), today,
            dueWorkingDays > 0 ? dueWorkingDays : AskClock.DefaultDueWorkingDays);
        return new AskExchange(views, clockReading);
    }

    private static List<FieldDifference> Changes(AskIteration before, AskIteration after)
    {
        var changes = new List<FieldDifference>();
        Compare("Title", before.Title, after.Title);
        Compare("The barrier", before.Barrier, after.Barrier);
        Compare("What we ask", before.Request, after.Request);
        Compare("What we offer in return", before.Offer, after.Offer);
        return changes;

        void Compare(string field, string? a, string? b)
        {
            if (a != b)
            {
                changes.Add(new FieldDifference(field, a, b, StrategyComparison.WordDifference(a ?? "", b ?? "")));
            }
        }
    }

    /// <summary>Sends the words the partners agreed to the body addressed: the first iteration, and the body's move.</summary>
    public async Task<AskIteration> SubmitAsync(Guid askId, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        var ask = await LoadForSystemAsync(askId, actor, "submit it", ct);
        if (ask.Status != AskStatus.AgreedLocally)
        {
            throw new InputInvalidException("Status", ask.Status == AskStatus.Draft
                ? "The partners have not agreed this ask yet: ask them to agree it before it is submitted"
                : $"This ask was submitted already ({ask.Status.InWords().ToLowerInvariant()})");
        }
        Concur(ask, expectedVersion);
        var now = clock.GetUtcNow().UtcDateTime;
        ask.SubmittedAtUtc = now;
        var iteration = await AppendAsync(ask, AskIterationKind.Proposal, actor, now, null, ct,
            new AskWording(ask.Title, ask.Barrier, ask.Request, ask.Offer));
        db.Audit(actor, now, "AskSubmitted", AskService.EntityType, ask.Id, ask.Title,
            new SortedDictionary<string, string?> { ["Status"] = AskStatus.AgreedLocally.InWords() },
            new SortedDictionary<string, string?> { ["Status"] = ask.Status.InWords(), ["Addressed to"] = await BodyNameAsync(ask, ct) });
        await SaveAsync(ask, ct);
        return iteration;
    }

    /// <summary>
    /// The system's reply when it is its move (the body asked a question), or a revised proposal after a partial
    /// agreement or a refusal, which puts the ask back in discussion.
    /// </summary>
    public async Task<AskIteration> ReplyAsync(Guid askId, SystemReply input, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        var ask = await LoadForSystemAsync(askId, actor, "reply for the system", ct);
        var exchange = await ReadAsync(askId, ct);
        var errors = new InputErrors();
        var open = ReplyKinds(ask.Status, exchange.Clock.WaitingOn);
        if (!ask.Status.IsSubmitted())
        {
            throw new InputInvalidException(nameof(input.Kind), "This ask has not been submitted yet: nothing has been said to reply to");
        }
        if (input.Kind is not (AskIterationKind.Feedback or AskIterationKind.RevisedProposal))
        {
            errors.Add(nameof(input.Kind), "Select feedback or a revised proposal");
        }
        else if (input.Kind == AskIterationKind.Feedback && !open.Contains(AskIterationKind.Feedback))
        {
            errors.Add(nameof(input.Kind), exchange.Clock.WaitingOn == AskSide.National
                ? "The ask is with the national body: feedback follows its response. To change the words, send a revised proposal"
                : "The body has decided: to take it further, send a revised proposal");
        }
        else if (input.Kind == AskIterationKind.RevisedProposal && !open.Contains(AskIterationKind.RevisedProposal))
        {
            errors.Add(nameof(input.Kind), $"This ask is {ask.Status.InWords().ToLowerInvariant()}: there is nothing left to revise");
        }
        var text = input.Kind == AskIterationKind.Feedback
            ? errors.RequiredText(nameof(input.Text), "Your feedback", input.Text, AskIteration.TextMaxLength, "Enter your feedback")
            : errors.OptionalText(nameof(input.Text), "What changed and why", input.Text, AskIteration.TextMaxLength);
        AskWording? words = null;
        if (input.Kind == AskIterationKind.RevisedProposal)
        {
            words = new AskWording(
                errors.RequiredText(nameof(input.Title), "Title", input.Title, Ask.TitleMaxLength, "Enter a title for the ask"),
                errors.RequiredText(nameof(input.Barrier), "The barrier", input.Barrier, Ask.TextMaxLength, "Say what stops the partners today"),
                errors.RequiredText(nameof(input.Request), "What we ask", input.Request, Ask.TextMaxLength, "Say the specific change you ask for"),
                errors.OptionalText(nameof(input.Offer), "What we offer in return", input.Offer, Ask.TextMaxLength));
            if (!errors.Any && exchange.LastProposal is { } last && words == new AskWording(last.Title!, last.Barrier!, last.Request!, last.Offer))
            {
                errors.Add(nameof(input.Request), "The words are the same as the last proposal: change something to revise it, or send feedback");
            }
        }
        errors.ThrowIfAny();
        Concur(ask, expectedVersion);
        var now = clock.GetUtcNow().UtcDateTime;
        var before = ask.Status.InWords();
        if (words is not null)
        {
            (ask.Title, ask.Barrier, ask.Request, ask.Offer) = (words.Title, words.Barrier, words.Request, words.Offer);
        }
        var iteration = await AppendAsync(ask, input.Kind!.Value, actor, now, text, ct, words);
        db.Audit(actor, now, input.Kind == AskIterationKind.Feedback ? "AskFeedbackGiven" : "AskRevised", AskService.EntityType, ask.Id, ask.Title,
            new SortedDictionary<string, string?> { ["Status"] = before },
            new SortedDictionary<string, string?> { ["Status"] = ask.Status.InWords(), ["Iteration"] = iteration.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Said"] = text });
        await SaveAsync(ask, ct);
        return iteration;
    }

    /// <summary>
    /// The moves open to the system on a submitted ask: feedback only when it is its move (the body asked a question);
    /// a revised proposal while the body considers the ask, when it is the system's move, or after a partial agreement
    /// or a refusal, but never once the ask is agreed. Pages offer these; <see cref="ReplyAsync"/> holds to them.
    /// </summary>
    public static IReadOnlyList<AskIterationKind> ReplyKinds(AskStatus status, AskSide? waitingOn)
    {
        if (!status.IsSubmitted())
        {
            return [];
        }
        var kinds = new List<AskIterationKind>();
        if (waitingOn == AskSide.System)
        {
            kinds.Add(AskIterationKind.Feedback);
        }
        var revisable = waitingOn == AskSide.System || status is AskStatus.PartlyAgreed or AskStatus.Declined or AskStatus.InDiscussion or AskStatus.Submitted;
        if (revisable && status is not (AskStatus.Agreed or AskStatus.Implemented or AskStatus.ImpactReviewed))
        {
            kinds.Add(AskIterationKind.RevisedProposal);
        }
        return kinds;
    }

    /// <summary>Records that an agreed change is in effect, on the day it took effect.</summary>
    public async Task MarkImplementedAsync(Guid askId, DateOnly? on, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        var ask = await LoadForSystemAsync(askId, actor, "record that it is implemented", ct);
        var errors = new InputErrors();
        if (ask.Status is not (AskStatus.Agreed or AskStatus.PartlyAgreed))
        {
            errors.Add("ImplementedOn", $"This ask is {ask.Status.InWords().ToLowerInvariant()}: only an agreed or partly agreed ask is implemented");
        }
        if (on is not { } day)
        {
            errors.Add("ImplementedOn", "Enter the day the change took effect");
        }
        else if (day > UkCalendar.Today(clock))
        {
            errors.Add("ImplementedOn", "The day the change took effect must be today or in the past");
        }
        errors.ThrowIfAny();
        Concur(ask, expectedVersion);
        var before = ask.Status.InWords();
        ask.Status = AskStatus.Implemented;
        ask.ImplementedOn = on;
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "AskImplemented", AskService.EntityType, ask.Id, ask.Title,
            new SortedDictionary<string, string?> { ["Status"] = before },
            new SortedDictionary<string, string?> { ["Status"] = ask.Status.InWords(), ["In effect from"] = Prose.Date(on!.Value) });
        await SaveAsync(ask, ct);
    }

    /// <summary>Records what difference the change made, once it has been in effect.</summary>
    public async Task ReviewImpactAsync(Guid askId, string? review, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        var ask = await LoadForSystemAsync(askId, actor, "review its impact", ct);
        var errors = new InputErrors();
        if (ask.Status != AskStatus.Implemented)
        {
            errors.Add("ImpactReview", $"This ask is {ask.Status.InWords().ToLowerInvariant()}: its impact is reviewed once it is implemented");
        }
        var text = errors.RequiredText("ImpactReview", "Impact", review, Ask.TextMaxLength, "Say what difference the change made");
        errors.ThrowIfAny();
        Concur(ask, expectedVersion);
        ask.Status = AskStatus.ImpactReviewed;
        ask.ImpactReview = text;
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "AskImpactReviewed", AskService.EntityType, ask.Id, ask.Title,
            new SortedDictionary<string, string?> { ["Status"] = AskStatus.Implemented.InWords() },
            new SortedDictionary<string, string?> { ["Status"] = ask.Status.InWords(), ["Impact"] = text });
        await SaveAsync(ask, ct);
    }

    /// <summary>The system's own reading of whether it keeps the conditions it accepted: the deal ledger's other side.</summary>
    public async Task AssessConditionsAsync(Guid askId, ConditionAssessment input, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        var ask = await LoadForSystemAsync(askId, actor, "assess its conditions", ct);
        var errors = new InputErrors();
        if (ask.Conditions is null || ask.Status is not (AskStatus.Agreed or AskStatus.PartlyAgreed or AskStatus.Implemented or AskStatus.ImpactReviewed))
        {
            errors.Add(nameof(input.Status), "This ask has no conditions attached to an agreement");
        }
        if (input.Status is not { } status || !Enum.IsDefined(status) || status == ConditionStatus.NotAssessed)
        {
            errors.Add(nameof(input.Status), "Select whether the conditions are being met");
            status = default;
        }
        var note = errors.OptionalText(nameof(input.Note), "Note", input.Note, Ask.TextMaxLength);
        if (status is ConditionStatus.AtRisk or ConditionStatus.NotBeingMet && note is null)
        {
            errors.Add(nameof(input.Note), "Say what is falling short and what is being done about it");
        }
        errors.ThrowIfAny();
        Concur(ask, expectedVersion);
        var before = new SortedDictionary<string, string?> { ["Conditions"] = ask.ConditionStatus.InWords(), ["Note"] = ask.ConditionNote };
        (ask.ConditionStatus, ask.ConditionNote) = (status, note);
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "AskConditionsAssessed", AskService.EntityType, ask.Id, ask.Title, before,
            new SortedDictionary<string, string?> { ["Conditions"] = ask.ConditionStatus.InWords(), ["Note"] = ask.ConditionNote });
        await SaveAsync(ask, ct);
    }

    private async Task<Ask> LoadForSystemAsync(Guid askId, Actor actor, string what, CancellationToken ct)
    {
        var ask = await db.Asks.SingleOrDefaultAsync(a => a.Id == askId, ct) ?? throw new NotFoundException("There is no such ask in this system.");
        if (!AskService.CanDraftFor(actor, ask.OwnerOrganisationId))
        {
            throw new ForbiddenException($"Only a convenor or a lead of the organisation that owns the ask can {what}.");
        }
        return ask;
    }

    private void Concur(Ask ask, Guid? expectedVersion)
    {
        if (!ask.Version.Matches(expectedVersion, "ask"))
        {
            throw new EditConflictException(ask.Title, ask.Version, new Dictionary<string, string?> { ["Status"] = ask.Status.InWords() });
        }
        db.Entry(ask).Property(a => a.Version).OriginalValue = ask.Version;
        db.Entry(ask).State = EntityState.Modified;
    }

    private Task<string> BodyNameAsync(Ask ask, CancellationToken ct) =>
        db.NationalBodies.Where(b => b.Id == ask.NationalBodyId).Select(b => b.Name).SingleAsync(ct);

    private async Task<AskIteration> AppendAsync(Ask ask, AskIterationKind kind, Actor actor, DateTime now, string? text, CancellationToken ct, AskWording? words = null)
    {
        var organisation = await db.Organisations.Where(o => o.Id == ask.OwnerOrganisationId).Select(o => o.Name).SingleAsync(ct);
        var forName = actor.IsLeadOf(ask.OwnerOrganisationId) ? organisation : actor.PrimaryMembership?.OrganisationName ?? organisation;
        return AskIterations.Append(db, ask, kind, actor.PersonId, actor.DisplayName, forName, now, text, null, words,
            await db.AskIterations.Where(i => i.AskId == ask.Id).MaxAsync(i => (int?)i.Number, ct) ?? 0);
    }

    private async Task SaveAsync(Ask ask, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueViolation.Is(e))
        {
            // The body answered, or someone else in the system replied, while this person wrote: read again.
            throw new EditConflictException(ask.Title, Guid.Empty, new Dictionary<string, string?>());
        }
    }
}

/// <summary>An ask's words as one proposal sends them.</summary>
public sealed record AskWording(string Title, string Barrier, string Request, string? Offer);

/// <summary>Adding an iteration, the same for both sides: the next number, and the ask's status after the move.</summary>
internal static class AskIterations
{
    public static AskIteration Append(ConcordatDb db, Ask ask, AskIterationKind kind, Guid? personId, string byName, string forName, DateTime now,
        string? text, string? conditions, AskWording? words, int lastNumber, NationalTheme? theme = null)
    {
        var iteration = new AskIteration
        {
            SystemId = ask.SystemId, AskId = ask.Id, Number = lastNumber + 1, Kind = kind, ByPersonId = personId, ByName = byName, ForName = forName, AtUtc = now,
            Text = text, Conditions = conditions, Title = words?.Title, Barrier = words?.Barrier, Request = words?.Request, Offer = words?.Offer,
            ThemeId = theme?.Id, ThemeTitle = theme?.Title,
        };
        db.AskIterations.Add(iteration);
        ask.Status = kind.StatusAfter();
        return iteration;
    }
}
