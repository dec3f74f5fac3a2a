using Concordat.Core.Data;
using Concordat.Core.Raid;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Demo;

/// <summary>
/// The demo's RAID log: six risks whose scores before and after mitigation fill every band of the 5×5 heat map (the
/// worst escalated to the partnership and overdue for review, so the health check and its owner both see it), two
/// assumptions (one due to be checked within the week), two issues and three decisions taken by forums. Each is entered
/// by a lead of its owner, or by the convenor for a partner the demo has no one in; a decision by the convenor or by a
/// lead of one of the forum's members.
/// </summary>
public sealed class DemoRaid(ConcordatDb db, RaidService raid)
{
    public async Task CreateAsync(DemoProgramme p, CancellationToken ct)
    {
        var c = p.Context;
        var forums = await db.Forums.ToDictionaryAsync(f => f.Name, f => f.Id, ct);
        Guid[] Items(params string[] titles) => [.. titles.Select(t => p.Item(t).Id)];
        Task Add(string owner, SaveRaidEntry entry) => raid.CreateAsync(entry with { OwnerOrganisationId = p.Org(owner) }, p.LeadOf(owner), ct);

        await Add("Northshire County", Risk("Reablement and home care in rural Northshire fall short of what discharges need this winter",
            "Home care providers in rural Northshire cannot recruit: long journeys between calls, and pay that competes with retail and hospitality.",
            "People well enough to leave hospital wait for care, holding beds the emergency department needs, and lose independence while they wait.",
            (5, 4), (4, 4), RiskResponse.Reduce,
            "A retained-hours reablement contract, tendered once the better care fund plan is approved; the council's brokerage at the trust's morning board round; "
            + "the VCSE alliance's home-from-hospital volunteers for the first days at home.",
            p.Today.AddDays(-10)) with
        {
            ForumId = forums[DemoWorkspace.DemoIcp], GoalIds = [c.FrailtyGoalId, c.AeGoalId], WorkstreamIds = [p.Workstreams[DemoProgramme.Frailty]],
            WorkItemIds = Items("Reablement contract with retained hours: tender", "Care packages sourced within 48 hours of referral"),
        });
        await Add("Northshire and Eastvale Community", Risk("Winter demand for step-up care exceeds the virtual ward's staffed beds",
            "The virtual ward has staff for 32 of its 40 beds, and weekend therapy cover is thin.",
            "GPs and paramedics lose confidence in the single point of access and take frail older people to the emergency department again.",
            (4, 5), (3, 4), RiskResponse.Reduce,
            "Recruit the last eight community nurses by January; St Aidan's Hospice's overnight cover for people near the end of life; a daily capacity call "
            + "that can pause step-up referrals before the ward is full.", p.Today.AddDays(14)) with
        {
            GoalIds = [c.FrailtyGoalId], WorkItemIds = Items("Single point of access for step-up referrals"),
        });
        await Add("Northern Counties Ambulance", Risk("Ambulance crews are held at hospital handover for more than an hour",
            "Corridor care and full cubicles in Northshire Teaching Hospitals' emergency department.",
            "Fewer crews are free to answer calls, so frail people who fall wait longer at home, and more of them are taken to hospital when a crew arrives.",
            (4, 3), (2, 3), RiskResponse.Reduce,
            "Release to respond after 45 minutes; a rapid assessment and treatment area staffed by the trust and the ambulance service together.",
            p.Today.AddDays(21)) with
        {
            GoalIds = [c.AeGoalId], WorkstreamIds = [p.Workstreams[DemoProgramme.UrgentCare]], WorkItemIds = Items("Ambulance handover within 45 minutes: release to respond"),
        });
        await Add("NHS Northshire and Eastvale Integrated", Risk("A raised blood pressure reading taken in a library or leisure centre is not followed up",
            "No organisation has yet accepted clinical accountability for readings taken by staff outside the NHS.",
            "A person with dangerously high blood pressure believes they have been checked, and comes to harm.",
            (3, 3), (1, 3), RiskResponse.Avoid,
            "The ICB holds the clinical governance under the hypertension case-finding specification; a reading above 180/120 is phoned through to the "
            + "person's practice the same day; each venue has a named clinical lead.", p.Today.AddDays(30)) with
        {
            GoalIds = [c.HypertensionGoalId],
            WorkItemIds = Items("Clinical governance for community readings", "Leisure centre staff trained to take readings"),
        });
        await Add("Northshire and Eastvale VCSE", Risk("Home-from-hospital volunteers cannot cover every frailty ward through the winter",
            "Most of the alliance's volunteers give four hours a week, and one in five stops volunteering each winter.",
            "People go home without a welcome visit or a carer's contingency plan, and some come back into hospital.",
            (2, 3), (2, 2), RiskResponse.TransferOrShare,
            "A month's notice for volunteer requests; a reserve list shared with the community trust's care navigators.", p.Today.AddDays(28)) with
        {
            WorkItemIds = Items("Home from hospital volunteers on every frailty ward"),
        });
        await Add("Northshire County", Risk("Library staff decline to take part in blood pressure checks",
            "Library staff have not taken blood pressure readings before, and it is not in their job descriptions.",
            "Checks run in fewer libraries than planned, and least of all in the most deprived neighbourhoods.",
            (1, 3), (1, 2), RiskResponse.Accept, "Taking part is voluntary and trained; the trade unions have been consulted.", p.Today.AddDays(56)) with
        {
            WorkItemIds = Items("Blood pressure checks in six libraries"),
        });

        await Add("Northshire County", new SaveRaidEntry(RaidKind.Assumption, "The better care fund plan will pay for the retained hours from April",
            CheckHow: "Confirmed when Northshire's health and wellbeing board has approved the better care fund plan and NHS England has assured it.",
            CheckOn: p.Today.AddDays(30),
            WorkItemIds: Items("Reablement contract with retained hours: tender")));
        await Add("Northshire and Eastvale Community", new SaveRaidEntry(RaidKind.Assumption,
            "GP practices will refer people to the virtual ward through one number without an extra payment",
            CheckHow: "Count step-up referrals by practice in the single point of access's first month, and ask the practices that refer no one why.",
            CheckOn: p.Today.AddDays(5), WorkItemIds: Items("Single point of access for step-up referrals")));

        await Add("Northshire Teaching", new SaveRaidEntry(RaidKind.Issue, "Escalation beds occupy the same-day emergency care unit's space",
            IssueImpact: "The unit cannot open 12 hours a day, so medical referrals that could avoid admission wait in the emergency department.",
            Resolution: "Close the escalation beds as care packages flow; the trust's bed meeting reviews them each week.",
            WorkItemIds: Items("Same-day emergency care unit open 12 hours a day", "Escalation beds closed once packages flow")));
        await Add("Northshire Teaching", new SaveRaidEntry(RaidKind.Issue, "The electronic patient record cannot record the frailty index at admission",
            IssueImpact: "Admissions of people living with frailty are undercounted on wards recording the index by hand, so the measure may flatter the improvement.",
            Resolution: "A change request is with the supplier; frailty nurses record the index by hand on two wards meanwhile.",
            GoalIds: [c.FrailtyGoalId], WorkItemIds: Items("Frailty index recorded at every admission")));

        await raid.CreateAsync(new SaveRaidEntry(RaidKind.Decision, "The system winter plan is agreed, with every partner's escalation levels aligned to it",
            ForumId: forums[DemoWorkspace.DemoIcp], Authority: "The partnership's terms of reference", DecidedOn: p.Today.AddDays(-52),
            GoalIds: [c.AeGoalId], WorkItemIds: Items("Winter plan agreed by all partners")), p.Convenor, ct);
        await raid.CreateAsync(new SaveRaidEntry(RaidKind.Decision,
            "Retained hours for reablement are approved in principle, to be paid for from the better care fund once NHS England has assured the plan",
            ForumId: forums["Northshire Health and Wellbeing Board"],
            Authority: "The board's terms of reference: it agrees Northshire's better care fund plan, pooled under the section 75 agreement between the ICB and Northshire County Council",
            DecidedOn: p.Today.AddDays(-30), GoalIds: [c.FrailtyGoalId], WorkItemIds: Items("Reablement contract with retained hours: tender")),
            p.LeadOf("Northshire County"), ct);
        await raid.CreateAsync(new SaveRaidEntry(RaidKind.Decision,
            "Blood pressure checks in leisure centres go ahead once the ICB holds the clinical governance, with staff training paid from the case-finding allocation",
            ForumId: forums["Eastvale Health and Wellbeing Board"], Authority: "The board's terms of reference: the joint local health and wellbeing strategy",
            DecidedOn: p.Today.AddDays(-20), GoalIds: [c.HypertensionGoalId],
            WorkItemIds: Items("Leisure centre staff trained to take readings", "Clinical governance for community readings")), p.LeadOf("Eastvale Borough"), ct);
    }

    /// <summary>A risk: its event, cause and effect, likelihood × impact before and after mitigation, the response and when it is next reviewed.</summary>
    private static SaveRaidEntry Risk(string risk, string cause, string effect, (int Likelihood, int Impact) inherent, (int Likelihood, int Impact) residual,
        RiskResponse response, string mitigation, DateOnly reviewOn) =>
        new(RaidKind.Risk, risk, Cause: cause, Effect: effect, Likelihood: inherent.Likelihood, Impact: inherent.Impact, Response: response, Mitigation: mitigation,
            ResidualLikelihood: residual.Likelihood, ResidualImpact: residual.Impact, ReviewOn: reviewOn);
}
