using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.WorkProgramme;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Demo;

/// <summary>
/// A living work programme for the demo goals: three workstreams across nine partners, each with items in every
/// column, some overdue, some blocked on another partner, so that the board, the list and an organisation's own view
/// all have something true to show. Items are added by a lead of their owner where the demo has one, else by the
/// convenor, as a programme office would on a partner's behalf. Then the programme is lived: iterations with their
/// reviews and retrospectives, dependencies between partners, the RAID log and PDSA cycles (each in its own class).
/// </summary>
public sealed class DemoWorkProgramme(ConcordatDb db, WorkstreamService workstreams, WorkItemService items, DemoIterations iterations,
    DemoDependencies dependencies, DemoRaid raid, DemoPdsa pdsa, DemoAsks asks)
{
    public sealed record Context(DateOnly Today, Actor Convenor, IReadOnlyDictionary<Guid, Actor> Leads, IReadOnlyDictionary<string, Guid> Organisations,
        Guid FrailtyGoalId, Guid AeGoalId, Guid HypertensionGoalId);

    /// <summary>An item as the demo enters it: owner and contributors by the start of their names; due in days from today.</summary>
    private sealed record DemoItem(string Title, string Owner, WorkItemStatus Status, int? DueInDays, WorkItemSize? Size = null, string[]? With = null,
        string? Description = null, string? BlockedBecause = null, string? BlockedOn = null, string? ChangeIdea = null);

    private static readonly DemoItem[] Frailty =
    [
        new("Single point of access for step-up referrals", "Northshire and Eastvale Community", WorkItemStatus.Doing, 21, WorkItemSize.Large,
            ["Northern Counties Ambulance", "Eastvale GP"], "One number for GPs and paramedics to refer a frail older person in crisis to the virtual ward.",
            ChangeIdea: "Step-up referrals"),
        new("Paramedic conveyance guidance names the virtual ward", "Northern Counties Ambulance", WorkItemStatus.Ready, 35, WorkItemSize.Small,
            ["Northshire and Eastvale Community"], ChangeIdea: "Step-up referrals"),
        new("One referral form for both places", "Northshire and Eastvale Community", WorkItemStatus.Done, -10, WorkItemSize.Small, ["Eastvale GP"],
            ChangeIdea: "Step-up referrals"),
        new("Teach-in for GP practices on what the virtual ward manages", "Eastvale GP", WorkItemStatus.Doing, 14, WorkItemSize.Medium,
            ["Northshire and Eastvale Community"], ChangeIdea: "Step-up referrals"),
        new("Reablement contract with retained hours: tender", "Northshire County", WorkItemStatus.Blocked, 30, WorkItemSize.Large,
            ["NHS Northshire and Eastvale Integrated"], BlockedBecause: "The better care fund plan has to approve the retained hours before the tender goes out.",
            BlockedOn: "NHS Northshire and Eastvale Integrated", ChangeIdea: "Reablement contract"),
        new("Reablement starts within 24 hours: discharge to assess pathway mapped", "Northshire County", WorkItemStatus.Done, -25, WorkItemSize.Medium,
            ["Northshire Teaching", "Northshire and Eastvale Community"]),
        new("Home from hospital volunteers on every frailty ward", "Northshire and Eastvale VCSE", WorkItemStatus.Doing, 40, WorkItemSize.Medium,
            ["Northshire Teaching"]),
        new("Falls response service: business case", "Northern Counties Ambulance", WorkItemStatus.Backlog, 90, WorkItemSize.Large,
            ["Northshire County", "Eastvale Borough"]),
        new("Hospice at home overnight cover", "St Aidan's Hospice", WorkItemStatus.Ready, 60, WorkItemSize.Medium, ["Northshire and Eastvale Community"]),
        new("Frailty index recorded at every admission", "Northshire Teaching", WorkItemStatus.Doing, -3, WorkItemSize.Small,
            Description: "So that the measure of admissions of people with moderate or severe frailty counts everyone it should."),
        new("Virtual ward dashboard shared with partners", "NHS Northshire and Eastvale Integrated", WorkItemStatus.Backlog, null, WorkItemSize.Small),
        new("Care home staff trained to call the virtual ward first", "Eastvale Borough", WorkItemStatus.Backlog, 75, WorkItemSize.Medium,
            ["Northshire and Eastvale Community"]),
        new("Carers' contingency plans offered at discharge", "Northshire and Eastvale VCSE", WorkItemStatus.Done, -58, WorkItemSize.Small),
        new("Equipment delivered the day of discharge", "Northshire County", WorkItemStatus.Ready, 28, WorkItemSize.Medium, ["Northshire Teaching"]),
    ];

    private static readonly DemoItem[] UrgentCare =
    [
        new("Same-day emergency care unit open 12 hours a day", "Northshire Teaching", WorkItemStatus.Blocked, 45, WorkItemSize.Large,
            ["NHS Northshire and Eastvale Integrated"], "Open the unit 8am to 8pm seven days a week, so that a fifth of medical referrals avoid admission.",
            "The unit's space holds escalation beds until people waiting for a care package can go home.", "Northshire County"),
        new("Minor injuries streamed to the urgent treatment centre", "Eastvale General", WorkItemStatus.Doing, 20, WorkItemSize.Medium),
        new("Front door GP streaming rota", "Eastvale GP", WorkItemStatus.Ready, 30, WorkItemSize.Small, ["Eastvale General"]),
        new("Ambulance handover within 45 minutes: release to respond", "Northern Counties Ambulance", WorkItemStatus.Doing, 10, WorkItemSize.Medium,
            ["Northshire Teaching", "Eastvale General"]),
        new("Discharge lounge open at weekends", "Northshire Teaching", WorkItemStatus.Done, -14, WorkItemSize.Small),
        new("Mental health crisis café in Eastvale", "Northshire and Eastvale Community", WorkItemStatus.Doing, 50, WorkItemSize.Medium,
            ["Northshire and Eastvale VCSE", "Eastvale Borough"]),
        new("Frequent attenders reviewed with primary care", "Eastvale General", WorkItemStatus.Backlog, 80, WorkItemSize.Medium, ["Eastvale GP"]),
        new("Care packages sourced within 48 hours of referral", "Northshire County", WorkItemStatus.Doing, -5, WorkItemSize.Large, ["Northshire Teaching"]),
        new("NHS 111 directs to the urgent treatment centre first", "NHS Northshire and Eastvale Integrated", WorkItemStatus.Done, -70, WorkItemSize.Small),
        new("Escalation beds closed once packages flow", "Northshire Teaching", WorkItemStatus.Backlog, 100, WorkItemSize.Medium, ["Northshire County"]),
        new("Streaming audit after the first month", "Eastvale General", WorkItemStatus.Backlog, 60, WorkItemSize.Small),
        new("Housing officer in the discharge team", "Eastvale Borough", WorkItemStatus.Ready, 25, WorkItemSize.Small, ["Eastvale General"]),
        new("Winter plan agreed by all partners", "NHS Northshire and Eastvale Integrated", WorkItemStatus.Done, -50, WorkItemSize.Medium,
            ["Northshire Teaching", "Eastvale General", "Northshire County", "Eastvale Borough"]),
    ];

    private static readonly DemoItem[] Hypertension =
    [
        new("Blood pressure checks in six libraries", "Northshire County", WorkItemStatus.Doing, 30, WorkItemSize.Medium,
            ["Northshire and Eastvale VCSE"], ChangeIdea: "Blood pressure checks in libraries"),
        new("Leisure centre staff trained to take readings", "Eastvale Borough", WorkItemStatus.Blocked, 15, WorkItemSize.Small,
            ["Eastvale GP"], BlockedBecause: "Clinical governance for non-NHS staff taking readings is not yet agreed.",
            BlockedOn: "NHS Northshire and Eastvale Integrated", ChangeIdea: "Blood pressure checks in libraries"),
        new("Clinical governance for community readings", "NHS Northshire and Eastvale Integrated", WorkItemStatus.Doing, 7, WorkItemSize.Small,
            ["Northshire County", "Eastvale Borough"], ChangeIdea: "Blood pressure checks in libraries"),
        new("Recall payment added to the local enhanced service", "NHS Northshire and Eastvale Integrated", WorkItemStatus.Ready, 45, WorkItemSize.Medium,
            ["Eastvale GP"], ChangeIdea: "Recall payment"),
        new("Practice searches for raised readings with no follow-up", "Eastvale GP", WorkItemStatus.Done, -20, WorkItemSize.Small,
            ChangeIdea: "Recall payment"),
        new("Community venue list for the most deprived neighbourhoods", "Northshire and Eastvale VCSE", WorkItemStatus.Done, -62, WorkItemSize.Small,
            ["Northshire County"]),
        new("Blood pressure monitors lent through libraries", "Northshire County", WorkItemStatus.Backlog, 120, WorkItemSize.Medium),
        new("Pharmacy checks promoted in Eastvale", "Eastvale Borough", WorkItemStatus.Backlog, 90, WorkItemSize.Small, ["Eastvale GP"]),
        new("Health checks data shared with practices weekly", "Northshire County", WorkItemStatus.Ready, 20, WorkItemSize.Small, ["Eastvale GP"]),
        new("Faith leaders host checks after services", "Northshire and Eastvale VCSE", WorkItemStatus.Doing, 35, WorkItemSize.Small),
        new("Evaluation of community case-finding", "Northshire County", WorkItemStatus.Backlog, 180, WorkItemSize.Medium,
            ["NHS Northshire and Eastvale Integrated"]),
        new("Language-matched outreach for the borough's largest communities", "Eastvale Borough", WorkItemStatus.Ready, 40, WorkItemSize.Medium,
            ["Northshire and Eastvale VCSE"]),
    ];

    public async Task CreateAsync(Context c, CancellationToken ct)
    {
        Guid Org(string prefix) => c.Organisations.Single(o => o.Key.StartsWith(prefix, StringComparison.Ordinal)).Value;
        Actor For(Guid organisation) => c.Leads.TryGetValue(organisation, out var lead) ? lead : c.Convenor;
        var ideas = await db.ChangeIdeas.Where(i => i.GoalId == c.FrailtyGoalId || i.GoalId == c.HypertensionGoalId)
            .Select(i => new { i.Id, i.Title }).ToListAsync(ct);
        Guid Idea(string prefix) => ideas.First(i => i.Title.StartsWith(prefix, StringComparison.Ordinal)).Id;

        // The demo's goals may be added to a system more than once (to grow it), and workstream names are unique.
        var round = await db.Workstreams.CountAsync(ct) / 3;
        string Named(string name) => round == 0 ? name : $"{name} ({round + 1})";
        var made = new Dictionary<string, WorkItem>();
        var streams = new Dictionary<string, Guid>();

        async Task Stream(string name, string purpose, string lead, Guid goal, string[] contributors, string[] streamIdeas, DemoItem[] demoItems)
        {
            var stream = await workstreams.CreateAsync(new SaveWorkstream(Named(name), purpose, Org(lead), For(Org(lead)).PersonId, WorkstreamStatus.Active,
                [goal], [.. contributors.Select(Org)], [.. streamIdeas.Select(Idea)]), c.Convenor, ct);
            streams[name] = stream.Id;
            foreach (var d in demoItems)
            {
                var owner = Org(d.Owner);
                var actor = For(owner);
                var item = await items.CreateAsync(new SaveWorkItem(d.Title, d.Description, stream.Id, owner, null,
                    d.DueInDays is { } days ? c.Today.AddDays(days) : null, d.Size, [.. (d.With ?? []).Select(Org)],
                    d.ChangeIdea is { } idea ? [Idea(idea)] : null), actor, ct);
                if (d.Status != WorkItemStatus.Backlog)
                {
                    item = await items.MoveAsync(item.Id, new MoveWorkItem(d.Status, d.BlockedBecause, d.BlockedOn is { } on ? Org(on) : null), item.Version, actor, ct);
                }
                made[d.Title] = item;
            }
        }

        await Stream(DemoProgramme.Frailty, "Meet crises at home and get people home from hospital as soon as they are well enough.",
            "Northshire and Eastvale Community", c.FrailtyGoalId,
            ["Northern Counties Ambulance", "Eastvale GP", "Northshire County", "Northshire and Eastvale VCSE", "St Aidan's Hospice", "Northshire Teaching"],
            ["Step-up referrals", "Reablement contract"], Frailty);
        await Stream(DemoProgramme.UrgentCare, "Keep the emergency departments clear: fewer people need them, and people move through the hospital.",
            "Northshire Teaching", c.AeGoalId,
            ["Eastvale General", "Northern Counties Ambulance", "Eastvale GP", "Northshire County", "Eastvale Borough", "NHS Northshire and Eastvale Integrated"],
            [], UrgentCare);
        await Stream(DemoProgramme.Hypertension, "Find people with high blood pressure in the most deprived neighbourhoods, where they already go.",
            "NHS Northshire and Eastvale Integrated", c.HypertensionGoalId,
            ["Northshire County", "Eastvale Borough", "Eastvale GP", "Northshire and Eastvale VCSE"],
            ["Blood pressure checks in libraries", "Recall payment"], Hypertension);

        var programme = new DemoProgramme(c, made, streams);
        await dependencies.CreateAsync(programme, ct);
        await iterations.CreateAsync(programme, ct);
        await raid.CreateAsync(programme, ct);
        await pdsa.CreateAsync(programme, ct);
        await asks.CreateAsync(programme, ct);
    }
}
