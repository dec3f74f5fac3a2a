using Concordat.Core.Data;
using Concordat.Core.Pdsa;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Demo;

/// <summary>
/// A ramp of three PDSA cycles on the frailty goal's step-up referrals, run by the community trust with the GP
/// federation and the ambulance service and measured by emergency admissions of frail older people, so the measure's
/// chart shows each cycle over the months it ran. The first was studied and adapted; the second, running as the
/// admissions fell, was studied and scaled up; the third, the single point of access for both places, is under way.
/// </summary>
public sealed class DemoPdsa(ConcordatDb db, PdsaService cycles)
{
    public async Task CreateAsync(DemoProgramme p, CancellationToken ct)
    {
        var c = p.Context;
        var ideas = await db.ChangeIdeas.Where(i => i.GoalId == c.FrailtyGoalId).Select(i => new { i.Id, i.Title }).ToListAsync(ct);
        var idea = ideas.Single(i => i.Title.StartsWith("Step-up referrals", StringComparison.Ordinal)).Id;
        var measures = await db.GoalMeasures.Where(g => g.GoalId == c.FrailtyGoalId)
            .Join(db.Measures, g => g.MeasureId, m => m.Id, (_, m) => new { m.Id, m.Name }).ToListAsync(ct);
        var measure = measures.Single(m => m.Name.StartsWith("Emergency admissions of people aged 75", StringComparison.Ordinal)).Id;
        var community = p.Org("Northshire and Eastvale Community");
        var lead = p.For(community);
        Guid[] gpAndAmbulance = [p.Org("Eastvale GP"), p.Org("Northern Counties Ambulance")];
        // The measure's months run to last month; admissions fell ten months ago, during the second cycle.
        var thisMonth = new DateOnly(p.Today.Year, p.Today.Month, 1);
        const string objective = "Test whether GPs and paramedics will refer frail older people in crisis straight to the virtual ward, instead of sending them to hospital.";

        var first = await cycles.PlanAsync(idea, new SavePdsaPlan("Eastvale North GPs refer straight to the virtual ward", objective,
            "Will GPs in one primary care network refer people in crisis to the virtual ward by phoning its coordinator, and will those people stay at home?",
            "25 step-up referrals in six weeks, and at least 20 of those people still at home 72 hours later.", community, lead.PersonId,
            "Eastvale North primary care network: six practices", thisMonth.AddMonths(-13).AddDays(6), thisMonth.AddMonths(-13).AddDays(47), measure,
            [p.Org("Eastvale GP")]), lead, ct);
        first = await cycles.RecordDoAsync(first.Id, new RecordPdsaDo(
            "The six practices could refer by phoning the virtual ward's coordinator from 8am to 8pm. 12 people were referred in six weeks.",
            "Ten of the 12 were still at home after 72 hours. Four of the six practices referred no one.",
            "GPs who did not refer said they did not know what the virtual ward could manage, and two used the old referral form, which went to the wrong team."),
            first.Version, lead, ct);
        first = await cycles.RecordStudyAsync(first.Id, new RecordPdsaStudy(
            "Fewer referrals than predicted (12 against 25), but the outcome held: 10 of 12 stayed at home, as the 80% predicted. What stops GPs is not knowing what the "
            + "ward manages or how to reach it, not whether it works."), first.Version, lead, ct);
        first = await cycles.RecordActAsync(first.Id, new RecordPdsaAct(PdsaDecision.Adapt,
            "Add a teach-in for practices on what the virtual ward manages and one referral form for both places, bring in the Eastvale ambulance station's "
            + "paramedics, and run it for longer."), first.Version, lead, ct);

        var second = await cycles.RampAsync(first.Id, lead, ct);
        second = await cycles.UpdatePlanAsync(second.Id, new SavePdsaPlan("Both Eastvale networks and paramedics, with a teach-in and one form",
            "Test whether a teach-in and one referral form bring step-up referrals from GPs and paramedics up to what the virtual ward was built for.",
            "With a teach-in, one form and paramedics referring too, do referrals reach 60 in four months, and do emergency admissions of frail older people fall?",
            "60 referrals in four months, at least 48 of those people still at home after 72 hours, and admissions below the previous year's mean within three months.",
            community, lead.PersonId, "Both Eastvale primary care networks, and the Eastvale ambulance station", thisMonth.AddMonths(-11).AddDays(4),
            thisMonth.AddMonths(-7).AddDays(-1), measure, gpAndAmbulance), second.Version, lead, ct);
        second = await cycles.RecordDoAsync(second.Id, new RecordPdsaDo(
            "Teach-ins were held in both networks' protected learning time; the one form went live in the first week, and the station's paramedics referred from the third.",
            "71 referrals: 44 from GPs and 27 from paramedics. 58 of those people were still at home after 72 hours.",
            "Paramedics referred most at night and at weekends, when the coordinator's line was closed and calls went to the ward's on-call nurse."),
            second.Version, lead, ct);
        second = await cycles.RecordStudyAsync(second.Id, new RecordPdsaStudy(
            "More referrals than predicted (71 against 60), and the same share staying at home (82%). Emergency admissions of people aged 75 and over with frailty "
            + "fell from the second month and stayed down: the chart shows a shift, special cause improvement."), second.Version, lead, ct);
        second = await cycles.RecordActAsync(second.Id, new RecordPdsaAct(PdsaDecision.ScaleUp,
            "Scale up to every GP and paramedic in both places through one number open around the clock: the single point of access, once its call handlers are in "
            + "post in the autumn."), second.Version, lead, ct);

        var third = await cycles.RampAsync(second.Id, lead, ct);
        await cycles.UpdatePlanAsync(third.Id, new SavePdsaPlan("Single point of access for every GP and paramedic in both places",
            "Test the single point of access at the scale of both places, around the clock.",
            "Does one number, open around the clock, keep step-up referrals coming at the scale of both places without the virtual ward running out of staffed beds?",
            "About 150 referrals a month, four in five people still at home after 72 hours, and admissions staying below the new mean through the winter.",
            community, lead.PersonId, "Northshire and Eastvale: every practice and ambulance station", thisMonth.AddMonths(-1).AddDays(14),
            thisMonth.AddMonths(-1).AddDays(97), measure, gpAndAmbulance), third.Version, lead, ct);
    }
}
