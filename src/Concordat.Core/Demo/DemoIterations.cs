using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.WorkProgramme;
using Concordat.Core.WorkProgramme.Iterations;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Demo;

/// <summary>
/// The demo's iterations, six weeks each: two closed, each with its review held (what slipped and why) and a
/// retrospective in which the partners say what they learned about each other's worlds, and the current one, which
/// holds today. The first retrospective's actions became work items: one done in the next iteration, one still open,
/// so the second retrospective lists it. The convenor starts, closes and reviews; each partner plans, moves and answers
/// for its own work.
/// </summary>
/// <remarks>
/// The services take the iterations' dates as given, so the past iterations are entered today with their real dates;
/// their closing, answers and notes are stamped with today, as anything entered late would be.
/// </remarks>
public sealed class DemoIterations(ConcordatDb db, IterationService iterations, WorkItemService items)
{
    /// <summary>The first iteration started on a Monday 13 weeks before this week's, so the second ended last Sunday and the third holds today.</summary>
    private const int FirstStartedWeeksAgo = 13;

    private static readonly string[] DoneInFirst =
    [
        "Winter plan agreed by all partners", "NHS 111 directs to the urgent treatment centre first", "Carers' contingency plans offered at discharge",
        "Community venue list for the most deprived neighbourhoods",
    ];

    private static readonly Dictionary<string, string> SlippedInFirst = new()
    {
        ["Single point of access for step-up referrals"] =
            "Call handlers could not be appointed until the ICB confirmed the recurrent funding in its October letter. Interviews are now booked.",
        ["Reablement contract with retained hours: tender"] =
            "The council cannot go out to tender for hours it has no budget for: the retained hours wait on Northshire's better care fund plan, which its health and wellbeing board must approve and NHS England must assure.",
        ["Care packages sourced within 48 hours of referral"] =
            "Two home care providers in rural Northshire handed back packages in September, and brokerage re-sourced 40 people's care before taking new referrals.",
        ["Frailty index recorded at every admission"] =
            "The change to the electronic patient record is in the supplier's queue. Frailty nurses record the index by hand on two wards meanwhile.",
        ["Same-day emergency care unit open 12 hours a day"] =
            "The unit's space still holds escalation beds for people waiting for care packages. Back to the backlog until packages flow.",
    };

    private static readonly string[] ReturnedFromFirst = ["Same-day emergency care unit open 12 hours a day"];

    private static readonly string[] DoneInSecond =
    [
        "Reablement starts within 24 hours: discharge to assess pathway mapped", "Practice searches for raised readings with no follow-up",
        "Discharge lounge open at weekends", "One referral form for both places",
    ];

    private static readonly string[] StartedInSecond =
    [
        "Ambulance handover within 45 minutes: release to respond", "Clinical governance for community readings", "Blood pressure checks in six libraries",
        "Leisure centre staff trained to take readings",
    ];

    private static readonly Dictionary<string, string> SlippedInSecond = new()
    {
        ["Reablement contract with retained hours: tender"] =
            "Northshire's health and wellbeing board approved the better care fund plan, but NHS England has not yet assured it, and the tender waits for that. Back to the backlog until then.",
        ["Leisure centre staff trained to take readings"] =
            "Blocked until the ICB holds the clinical governance for readings taken by staff outside the NHS. Back to the backlog until it is agreed.",
        ["Clinical governance for community readings"] =
            "The clinical governance committee asked for a named clinical lead for each venue; two of the six venues have one so far.",
        ["Ambulance handover within 45 minutes: release to respond"] =
            "Handovers at Eastvale General met 45 minutes, but at Northshire Teaching corridor care returned in the cold snap.",
        ["Care packages sourced within 48 hours of referral"] =
            "Sourcing within 48 hours held in Eastvale but not in rural Northshire, where providers still cannot recruit.",
    };

    /// <summary>
    /// Unfinished at the end of the second iteration and carried into the current one; the other two unfinished (the
    /// reablement tender and the leisure centre training, both blocked) go back to the backlog.
    /// </summary>
    private static readonly string[] CarriedFromSecond =
    [
        "Single point of access for step-up referrals", "Care packages sourced within 48 hours of referral", "Frailty index recorded at every admission",
        "Ambulance handover within 45 minutes: release to respond", "Clinical governance for community readings", "Blood pressure checks in six libraries",
    ];

    private static readonly string[] AddedToCurrent =
    [
        "Teach-in for GP practices on what the virtual ward manages", "Minor injuries streamed to the urgent treatment centre", "Front door GP streaming rota",
        "Paramedic conveyance guidance names the virtual ward", "Equipment delivered the day of discharge", "Housing officer in the discharge team",
        "Health checks data shared with practices weekly", "Faith leaders host checks after services",
    ];

    private sealed record Answer(string Organisation, string? WentWell, string? ToChange, string? Learned);

    private static readonly Answer[] FirstRetrospective =
    [
        new("Northshire County", "Brokerage found new providers for 40 people whose packages were handed back, and no one went without care.",
            "We heard about most discharges after 2pm, too late to source a package that day. We need to hear at the morning board round.",
            "Four-hour performance is not only the emergency department's problem. A person waiting for a care package holds a bed, the bed holds a trolley, and the trolley holds an ambulance crew at the door: a package we cannot source by 4pm shows up as a breach at midnight."),
        new("Northshire Teaching", "The winter plan was agreed by every partner: the first time all of us have signed the same plan.",
            "Stop promising patients a same-day package at 3pm, before the council's brokerage has been asked.",
            "The council cannot simply buy more home care. Its providers are on a framework let under procurement rules, new hours need a contract variation, and rural calls cost more than the hourly rate pays. The retained-hours contract is its way round that, and it needs the better care fund plan first."),
        new("Northshire and Eastvale VCSE", "Carers' contingency plans were offered at every discharge from the frailty wards.",
            "Twice we were asked for volunteers at two days' notice. Most of ours give four hours a week, so we need a month to find them.",
            "The hospital's discharge coordinators change every shift, so a message left with one does not reach the next: the 10am board round is where to be heard."),
        new("Northshire and Eastvale Community", "The virtual ward reached 32 staffed beds, and the GP federation agreed the step-up criteria with us.",
            "Appoint the single point of access's call handlers before its launch date is announced.",
            "The alliance's volunteers are checked and trained for one role at a time, and cannot be called in for a surge: their capacity is real, but it is planned weeks ahead."),
        new("Eastvale Borough", null,
            "Tell us earlier which people going home are Eastvale residents: our housing team hears when the person is already home.",
            "The ICB cannot let our leisure centre staff take blood pressure readings until someone holds the clinical governance. It is a question of patient safety, not red tape."),
        new("NHS Northshire and Eastvale Integrated", "NHS 111 now sends people to the urgent treatment centre first, and the directory of services is up to date in both places.",
            null, "Six partners signing one winter plan took eleven governance meetings between them: the councils' cabinet cycles set the pace, not ours."),
    ];

    private static readonly Answer[] SecondRetrospective =
    [
        new("Northshire County", "With brokerage at the 10am board round, 14 of 20 people had a package sourced on the day they were ready to go home.",
            "Share our procurement timetable before anyone promises a tender date.",
            "The trust's site team manages four-hour performance hour by hour, so a package confirmed by noon is worth far more to them than the same package at 5pm."),
        new("Northshire Teaching", "The discharge lounge opened at weekends, with the alliance's volunteers meeting people at home.", null,
            "The alliance's volunteers are insured to meet people on the ward and visit them at home, not to look after patients: asking them to staff the discharge lounge was asking for something their cover does not allow."),
        new("Eastvale General", "Ambulance handovers at our front door met 45 minutes on most days, with the ambulance service's release to respond.",
            "Agree the GP streaming rota a month ahead.",
            "The GP federation books its front door GPs from a locum pool a month ahead, at the federation's rates. It cannot fill a rota at a week's notice, however full the department is."),
        new("NHS Northshire and Eastvale Integrated", null, "Agree the clinical governance for community readings before partners train their staff, not after.",
            "Eastvale's leisure centres are run by a leisure trust under contract to the borough, so training their staff needs the operator's agreement as well as the council's."),
        new("Northshire and Eastvale VCSE", null, "Volunteer requests still come at a few days' notice: the action from the last retrospective is open.",
            "The council's brokerage cannot place a package with a provider outside its framework, even a member charity with capacity, unless the framework allows it."),
    ];

    public async Task CreateAsync(DemoProgramme p, CancellationToken ct)
    {
        if (await db.Iterations.AnyAsync(ct))
        {
            await PlanIntoCurrentAsync(p, ct);
            return;
        }
        var convenor = p.Convenor;
        var monday = p.Today.AddDays(-(((int)p.Today.DayOfWeek + 6) % 7));
        var first = await iterations.StartAsync(new SaveIteration(null, monday.AddDays(-7 * FirstStartedWeeksAgo), null,
            "Ready for winter: a plan every partner has agreed, and the first steps towards care at home."), convenor, ct);
        await PlanAsync(p, first.Id, [.. DoneInFirst, .. SlippedInFirst.Keys], ct);
        var second = await iterations.StartAsync(new SaveIteration(null, null, null,
            "Discharge to assess working in Northshire, one way to refer to the virtual ward, and blood pressure checks started in the community."), convenor, ct);
        first = await iterations.CloseAsync(first.Id, new CloseIteration([.. Ids(p, SlippedInFirst.Keys.Except(ReturnedFromFirst))]), first.Version, convenor, ct);
        await RecordSlipsAsync(p, first.Id, SlippedInFirst, ct);
        first = await iterations.HoldReviewAsync(first.Id, new HoldReview(first.EndsOn.AddDays(3),
            "Held at the frailty and urgent care programme board. Four of nine items done: the winter plan, NHS 111's directions, the carers' plans and the venue list. "
            + "Four carried, most of them waiting on home care capacity or on someone else's decision. The partners agreed to bring the council's brokerage into the trust's "
            + "morning discharge board round. The same-day emergency care unit went back to the backlog while escalation beds hold its space."), first.Version, convenor, ct);
        await AnswerAsync(p, first.Id, FirstRetrospective, ct);
        var brokerage = await iterations.AddActionAsync(first.Id, new AddRetrospectiveAction("Council brokerage joins the trust's 10am discharge board round",
            p.Org("Northshire County"), p.Workstreams[DemoProgramme.UrgentCare]), convenor, ct);
        await iterations.AddActionAsync(first.Id, new AddRetrospectiveAction("Volunteer requests made a month ahead through the alliance's single inbox",
            p.Org("Northshire and Eastvale VCSE"), p.Workstreams[DemoProgramme.Frailty]), convenor, ct);
        await iterations.CloseRetrospectiveAsync(first.Id, first.Version, convenor, ct);

        await PlanAsync(p, second.Id, [.. DoneInSecond, .. StartedInSecond], ct);
        var county = p.LeadOf("Northshire County");
        await iterations.PlanAsync(brokerage.Id, second.Id, await VersionAsync(brokerage.Id, ct), county, ct);
        foreach (var status in new[] { WorkItemStatus.Doing, WorkItemStatus.Done })
        {
            await items.MoveAsync(brokerage.Id, new MoveWorkItem(status), await VersionAsync(brokerage.Id, ct), county, ct);
        }
        var current = await iterations.StartAsync(new SaveIteration(null, null, null,
            "Open the single point of access to every GP and paramedic, and source care packages within 48 hours."), convenor, ct);
        second = await iterations.CloseAsync(second.Id, new CloseIteration([.. Ids(p, CarriedFromSecond)]), second.Version, convenor, ct);
        await RecordSlipsAsync(p, second.Id, SlippedInSecond, ct);
        await iterations.HoldReviewAsync(second.Id, new HoldReview(second.EndsOn.AddDays(2),
            "Held at the programme board. Five items done, among them the discharge to assess pathway, one referral form for both places and the council's "
            + "brokerage at the morning board round. Six carried. Two went back to the backlog, both blocked on decisions outside the programme: the better care "
            + "fund plan, and the clinical governance for readings taken by staff outside the NHS."), second.Version, convenor, ct);
        // The second retrospective is still open: the community trust and the borough council have yet to answer.
        await AnswerAsync(p, second.Id, SecondRetrospective, ct);
        var timetable = await iterations.AddActionAsync(second.Id, new AddRetrospectiveAction("Procurement timetable shared before any tender date is promised",
            p.Org("Northshire County"), p.Workstreams[DemoProgramme.Frailty]), convenor, ct);
        await iterations.PlanAsync(timetable.Id, current.Id, await VersionAsync(timetable.Id, ct), county, ct);
        await items.MoveAsync(timetable.Id, new MoveWorkItem(WorkItemStatus.Doing), await VersionAsync(timetable.Id, ct), county, ct);
        await PlanAsync(p, current.Id, AddedToCurrent, ct);
    }

    /// <summary>A system that already has the demo's iterations (the demo made again, to grow it): this round's current work joins the iteration holding today.</summary>
    private async Task PlanIntoCurrentAsync(DemoProgramme p, CancellationToken ct)
    {
        var current = await db.Iterations.Where(i => i.ClosedAtUtc == null && i.StartsOn <= p.Today && i.EndsOn >= p.Today).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
        if (current is { } id)
        {
            await PlanAsync(p, id, [.. CarriedFromSecond, .. AddedToCurrent], ct);
        }
    }

    private async Task PlanAsync(DemoProgramme p, Guid iterationId, IEnumerable<string> titles, CancellationToken ct)
    {
        foreach (var title in titles)
        {
            var item = p.Item(title);
            await iterations.PlanAsync(item.Id, iterationId, await VersionAsync(item.Id, ct), p.OwnerOf(title), ct);
        }
    }

    private async Task RecordSlipsAsync(DemoProgramme p, Guid iterationId, Dictionary<string, string> notes, CancellationToken ct)
    {
        foreach (var (title, note) in notes)
        {
            await iterations.RecordSlipAsync(iterationId, p.Item(title).Id, note, p.OwnerOf(title), ct);
        }
    }

    private async Task AnswerAsync(DemoProgramme p, Guid iterationId, Answer[] answers, CancellationToken ct)
    {
        foreach (var a in answers)
        {
            await iterations.AnswerAsync(iterationId, p.Org(a.Organisation), new SaveRetrospectiveAnswer(a.WentWell, a.ToChange, a.Learned), null,
                p.LeadOf(a.Organisation), ct);
        }
    }

    private static IEnumerable<Guid> Ids(DemoProgramme p, IEnumerable<string> titles) => titles.Select(t => p.Item(t).Id);

    private Task<Guid> VersionAsync(Guid itemId, CancellationToken ct) => db.WorkItems.Where(i => i.Id == itemId).Select(i => i.Version).SingleAsync(ct);
}
