using Concordat.Core.Access;
using Concordat.Core.Contributions;
using Concordat.Core.Data;
using Concordat.Core.Goals;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Demo;

/// <summary>
/// Shared goals for the demo workspace, in different states, made through the same services people use so that
/// their history reads as it would in real use.
/// </summary>
public sealed class DemoGoals(ConcordatDb db, GoalService goals, AgreementService agreement, PerspectiveService perspectives,
    ContributionService contributions, Measures.MeasureService measures, Measures.Import.ObservationImporter importer, DemoResources resources, DemoTheoryOfChange theoryOfChange, DemoWorkProgramme workProgramme, Strategy.StrategyVersionService versions,
    Partnerships.DelegationService delegations, DemoMeasures demoMeasures, Strategy.StrategyNarrativeService narratives, AmbitionService ambitions,
    TimeProvider clock)
{
    public async Task CreateAsync(Guid systemId, CancellationToken ct)
    {
        var today = UkCalendar.Today(clock);
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Name, o => o.Id, ct);
        Guid Org(string prefix) => organisations.Single(o => o.Key.StartsWith(prefix, StringComparison.Ordinal)).Value;
        async Task<Actor> As(string email)
        {
            var personId = await db.Users.Where(p => p.Email == email).Select(p => p.Id).SingleAsync(ct);
            return (await Actor.LoadAsync(db, personId, systemId, today, ct))!;
        }
        var convenor = await As(DemoWorkspace.ConvenorEmail);
        var icb = Org("NHS Northshire and Eastvale Integrated");
        var northshireTrust = Org("Northshire Teaching");
        var eastvaleTrust = Org("Eastvale General");
        var community = Org("Northshire and Eastvale Community");
        var county = Org("Northshire County");
        var borough = Org("Eastvale Borough");
        var vcse = Org("Northshire and Eastvale VCSE");
        var leads = new Dictionary<Guid, Actor>
        {
            [icb] = await As("icb.lead@demo.concordat.example"),
            [northshireTrust] = await As("lead@demo.concordat.example"),
            [eastvaleTrust] = await As("eastvale.lead@demo.concordat.example"),
            [community] = await As("community.lead@demo.concordat.example"),
            [county] = await As("publichealth.lead@demo.concordat.example"),
            [borough] = await As("eastvale.council.lead@demo.concordat.example"),
            [vcse] = await As("vcse.lead@demo.concordat.example"),
        };
        var horizon = new DateOnly(today.Year + 2, 3, 31);
        var icp = await db.Forums.Where(f => f.Name == DemoWorkspace.DemoIcp).Select(f => f.Id).SingleAsync(ct);

        // 1. Agreed: frailty, adopted after one partner consented with concerns.
        var frailty = await goals.CreateAsync(new SaveGoal(
            "Fewer emergency admissions of frail older people",
            $"By March {horizon.Year}, 15% fewer emergency admissions of people aged 75 and over living with moderate or severe frailty, compared with 2025/26.",
            "People aged 75 and over with moderate or severe frailty (electronic frailty index)", true, [],
            "Core20PLUS5: the most deprived 20% of neighbourhoods", horizon, community, "Rachel Owusu, Chief Executive",
            // Owned by the partnership, with the council and a university from outside the system as joint owners.
            icp, [county, Org("University of Northshire")]), convenor, ct);
        var frailtyPartners = new[] { icb, northshireTrust, eastvaleTrust, community, county, vcse };
        var frailtyRound = await agreement.OpenAsync(frailty.Id, new OpenRound(ProposalKind.Adopt, today.AddDays(21), frailtyPartners,
            "Agreed in principle at the integrated care partnership in September."), convenor, ct);
        foreach (var organisation in frailtyPartners)
        {
            var concerns = organisation == eastvaleTrust;
            await agreement.RecordPositionAsync(frailtyRound.Id, new RecordPosition(organisation,
                concerns ? PositionKind.ConsentWithConcerns : PositionKind.Consent,
                concerns ? "Our virtual ward capacity will need to grow before winter for this to be reachable." : null, null,
                organisation == county ? "Health and wellbeing board, 3 October" : "Board, October meeting"), null, leads[organisation], ct);
        }

        await perspectives.SaveAsync(frailty.Id, community, new SavePerspective(
            "Frailty is most of our community nursing caseload: this goal is how we show that care at home works.",
            "Shared care records with the acute trusts, and therapists on the discharge teams.",
            "Recruiting enough community nurses for seven-day cover."), null, leads[community], ct);
        await perspectives.SaveAsync(frailty.Id, county, new SavePerspective(
            "Fewer older people losing independence after a hospital stay.",
            "Earlier notice of discharges so that reablement can start the same day.",
            "Home care capacity in rural Northshire, where providers struggle to recruit."), null, leads[county], ct);
        await perspectives.SaveAsync(frailty.Id, vcse, new SavePerspective(
            "Our home-from-hospital volunteers are part of the plan, not an afterthought.",
            "Three-year grants rather than annual ones, so volunteers can be trained and kept.",
            null), null, leads[vcse], ct);

        var virtualWard = await contributions.CommitAsync(frailty.Id, new SaveContribution(community,
            "Run a 40-bed frailty virtual ward across both places, seven days a week.",
            "Recruit 12 community nurses and 4 therapists\nShare care records with both acute trusts\nStep-up referrals from GPs and the ambulance service",
            today.AddMonths(10), "Rachel Owusu, Chief Executive", null, 31, "Trust board, 28 October"), leads[community], ct);
        await contributions.AcceptAsync(virtualWard.Id, "Frailty programme board", virtualWard.Version, convenor, ct);
        var firstCheckIn = await contributions.CheckInAsync(virtualWard.Id, new PostCheckIn(CheckInStatus.OnTrack, 8,
            "26 of 40 beds open; step-up referrals from two PCNs started."), leads[community], ct);
        await contributions.AcknowledgeAsync(firstCheckIn.Id, convenor, ct);
        await contributions.CheckInAsync(virtualWard.Id, new PostCheckIn(CheckInStatus.OnTrack, 7,
            "32 beds open. Weekend therapy cover is still thin."), leads[community], ct);
        var reablement = await contributions.CommitAsync(frailty.Id, new SaveContribution(county,
            "Start reablement within 24 hours of discharge for people aged 75 and over.", null,
            today.AddMonths(8), "Dr Fiona Grant, Director of Public Health", null, 31, "Cabinet member decision, 5 November"), leads[county], ct);
        await contributions.AcceptAsync(reablement.Id, null, reablement.Version, convenor, ct);
        await contributions.CheckInAsync(reablement.Id, new PostCheckIn(CheckInStatus.AtRisk, 4,
            "Home care providers in rural Northshire cannot recruit; we are testing a retained-hours contract."), leads[county], ct);
        var homeFromHospital = await contributions.CommitAsync(frailty.Id, new SaveContribution(vcse,
            "Home-from-hospital volunteers for 300 older people a year.", null, today.AddMonths(12), "Maureen Dobson, Chair", null, 31, null),
            leads[vcse], ct);

        // 2. Proposed: hypertension, with an objection standing and responses awaited.
        var hypertension = await goals.CreateAsync(new SaveGoal(
            "Earlier detection of hypertension in the most deprived areas",
            $"By March {horizon.Year}, 80% of adults with hypertension in the most deprived 20% of Eastvale are diagnosed and treated to target.",
            "Adults aged 18 and over registered with Eastvale practices in the most deprived quintile", false,
            [await db.Places.Where(p => p.Name == "Eastvale").Select(p => p.Id).SingleAsync(ct)],
            "Core20PLUS5: hypertension case-finding", horizon, Org("Eastvale GP"), "Dr Samir Iqbal, Clinical Director"), convenor, ct);
        var hypertensionRound = await agreement.OpenAsync(hypertension.Id, new OpenRound(ProposalKind.Adopt, today.AddDays(14),
            [icb, eastvaleTrust, borough, vcse, community], "Proposed by the Eastvale place board."), convenor, ct);
        await agreement.RecordPositionAsync(hypertensionRound.Id, new RecordPosition(icb, PositionKind.Consent, null, null, "Delegated authority of the Chief Medical Officer"), null, leads[icb], ct);
        await agreement.RecordPositionAsync(hypertensionRound.Id, new RecordPosition(vcse, PositionKind.Consent, null, null, "Alliance steering group, 12 November"), null, leads[vcse], ct);
        await agreement.RecordPositionAsync(hypertensionRound.Id, new RecordPosition(borough, PositionKind.Object,
            "Blood pressure checks in community venues would fall to our leisure and library staff with no training or funding.",
            "Funded training for community venue staff, and the ICB to hold the clinical governance.", "Cabinet member decision, 18 November"), null, leads[borough], ct);

        // 3. Draft: children and young people's mental health, owned jointly by the community trust and the county council's
        // children's services with no lead organisation, as joint commissioning often is.
        var mentalHealth = await goals.CreateAsync(new SaveGoal(
            "Faster access to mental health support for children and young people",
            $"By March {horizon.Year}, 95% of children and young people referred for mental health support are seen within 4 weeks.",
            "Children and young people aged 0 to 25 referred to mental health services", true, [], null, horizon, null,
            "Rachel Owusu, Chief Executive", JointOwnerIds: [community, county]), leads[community], ct);

        // 4. Agreed with one partner standing aside: the A&E four-hour standard.
        var ae = await goals.CreateAsync(new SaveGoal(
            "Meeting the A&E four-hour standard",
            $"By March {today.Year + 1}, 78% of people attending A&E across Northshire and Eastvale are admitted, transferred or discharged within 4 hours, rising to 95%.",
            "Everyone attending type 1 and type 3 emergency departments", true, [], null, new DateOnly(today.Year + 1, 3, 31), northshireTrust,
            "Tom Richards, Chief Operating Officer"), convenor, ct);
        var aePartners = new[] { icb, northshireTrust, eastvaleTrust, vcse };
        var aeRound = await agreement.OpenAsync(ae.Id, new OpenRound(ProposalKind.Adopt, today.AddDays(10), aePartners, null), convenor, ct);
        foreach (var organisation in aePartners)
        {
            await agreement.RecordPositionAsync(aeRound.Id, new RecordPosition(organisation,
                organisation == vcse ? PositionKind.StandAside : PositionKind.Consent,
                organisation == vcse ? "Not a VCSE service, but we will support discharge through the home-from-hospital scheme." : null, null, null),
                null, leads[organisation], ct);
        }
        var sameDayEmergencyCare = await contributions.CommitAsync(ae.Id, new SaveContribution(northshireTrust,
            "Open a same-day emergency care unit 12 hours a day, seven days a week, so that a fifth of medical referrals avoid admission.", null,
            today.AddMonths(5), "Tom Richards, Chief Operating Officer", null, 14, "Trust board, 30 October"), leads[northshireTrust], ct);
        await contributions.AcceptAsync(sameDayEmergencyCare.Id, null, sameDayEmergencyCare.Version, convenor, ct);
        await contributions.CheckInAsync(sameDayEmergencyCare.Id, new PostCheckIn(CheckInStatus.OffTrack, 3,
            "The unit's space is still used as escalation beds; opening slips to spring unless discharge improves."), leads[northshireTrust], ct);
        var frontDoor = await contributions.CommitAsync(ae.Id, new SaveContribution(eastvaleTrust,
            "Stream minor injuries to the urgent treatment centre at the front door from 8am to midnight.", null,
            today.AddMonths(3), "Sanjay Mehta, Medical Director", null, 14, null), leads[eastvaleTrust], ct);
        await contributions.AcceptAsync(frontDoor.Id, null, frontDoor.Version, convenor, ct);

        // The trust asks the programme office (the convenor) to keep its A&E measures, as ICB analysts often do for partners.
        await delegations.GrantAsync(northshireTrust, new Partnerships.GrantDelegation(Partnerships.DelegatedCapability.MeasureData, convenor.PersonId,
            today.AddYears(1)), leads[northshireTrust], ct);
        await AddAeMeasuresAsync(ae.Id, northshireTrust, await As(DemoWorkspace.ConvenorEmail), ct);
        await demoMeasures.CreateAsync(new DemoMeasures.Context(today, convenor, frailty.Id, hypertension.Id, mentalHealth.Id, ae.Id, icb, leads[icb], community,
            leads[community], northshireTrust, leads[northshireTrust]), ct);
        await resources.CreateAsync(new DemoResources.Context(today, leads, frailty.Id, virtualWard.Id, reablement.Id, homeFromHospital.Id,
            sameDayEmergencyCare.Id, icb, northshireTrust, community, county, borough, vcse,
            await db.Places.ToDictionaryAsync(p => p.Name, p => p.Id, ct)), ct);
        // Ambitions by stage of life, each goal under the one it serves; the A&E standard is for everyone, so it sits under none.
        // The goals may be made more than once in a system (to grow it), so an ambition already there is used again.
        var existing = (await ambitions.ArrangementAsync(ct)).Ambitions.ToDictionary(a => a.Ambition.Title, a => a.Ambition.Id);
        async Task<Guid> Ambition(string title, string description) =>
            existing.TryGetValue(title, out var id) ? id : (await ambitions.CreateAsync(new SaveAmbition(title, description), convenor, ct)).Id;
        var startWell = await Ambition("Start well",
            "Every child in Northshire and Eastvale has the best start in life, with support for their mental health when they need it.");
        var liveWell = await Ambition("Live well",
            "Adults live longer in good health, and the gap between the most and least deprived areas narrows.");
        var ageWell = await Ambition("Age well",
            "Older people live independently at home for as long as they can, with care close to home when they need it.");
        foreach (var (goal, ambition) in new[] { (mentalHealth.Id, startWell), (hypertension.Id, liveWell), (frailty.Id, ageWell) })
        {
            await ambitions.PlaceGoalAsync(goal, ambition, (await ambitions.ArrangementAsync(ct)).Version, convenor, ct);
        }

        await theoryOfChange.CreateAsync(frailty.Id, ae.Id, hypertension.Id, virtualWard.Id, reablement.Id, leads[community], leads[northshireTrust], convenor, ct);
        await workProgramme.CreateAsync(new DemoWorkProgramme.Context(today, convenor, leads, organisations, frailty.Id, ae.Id, hypertension.Id), ct);

        // Two published versions, with a change between them, so that the versions and the health check's trend have something to show.
        // Against the version there is, so that the demo's goals can be added to a system more than once (as the query-count test does).
        var narrative = await narratives.SaveAsync(DemoNarrative.First, (await narratives.GetAsync(ct)).Version, convenor, ct);
        await versions.PublishAsync(new Strategy.PublishVersion("Agreed in principle at the integrated care partnership, September"), convenor, ct);
        await contributions.AcceptAsync(homeFromHospital.Id, "Frailty programme board", homeFromHospital.Version, convenor, ct);
        await narratives.SaveAsync(DemoNarrative.Second, narrative.Version, convenor, ct);
        await versions.PublishAsync(new Strategy.PublishVersion("Approved by the integrated care partnership, November", icp, today.AddDays(-14)), convenor, ct);
        await versions.SetPublicAsync(true, convenor, ct);
    }

    /// <summary>
    /// Two measures for the A&amp;E goal, filled with real NHS England figures for one provider (April 2016 to March
    /// 2019, Open Government Licence) through the importer, so that the demo's charts show real variation and its
    /// history shows an import. They are labelled as demo data; the trajectory is the invented partners' plan.
    /// </summary>
    /// <remarks>The convenor acts here under the trust's delegation, which every audit event of this work names.</remarks>
    private async Task AddAeMeasuresAsync(Guid goalId, Guid owner, Actor convenor, CancellationToken ct)
    {
        const string source = "Demo data: NHS England A&E attendances and emergency admissions for one provider (ODS RF4, type 1), April 2016 to March 2019, Open Government Licence v3.0";
        var performance = await measures.CreateAsync(new Measures.SaveMeasure("A&E four-hour performance (type 1)",
            "Attendances admitted, transferred or discharged within 4 hours of arrival, divided by all type 1 attendances.", "%",
            Measures.MeasureFrequency.Monthly, Spc.ImprovementDirection.Increase, 95, source, owner)
        {
            Format = Measures.MeasureFormat.Percentage, SourceKind = Measures.MeasureSourceKind.NhsEngland, Geography = Measures.MeasureGeography.Organisation,
            GeographyOrganisationId = owner,
            Trajectory = [.. Enumerable.Range(0, 12).Select(i => new Measures.PlannedValue(new DateOnly(2018, 4, 1).AddMonths(i), 80 + (i * 0.5)))],
        }, convenor, ct);
        var attendances = await measures.CreateAsync(new Measures.SaveMeasure("Type 1 A&E attendances",
            "Attendances at the major emergency department in the month.", "attendances",
            Measures.MeasureFrequency.Monthly, Spc.ImprovementDirection.Neither, null, source, owner)
        {
            Format = Measures.MeasureFormat.Count, SourceKind = Measures.MeasureSourceKind.NhsEngland, Geography = Measures.MeasureGeography.Organisation,
            GeographyOrganisationId = owner,
        }, convenor, ct);
        var rows = await ReadDemoAeAsync(ct);
        await ImportAsync(performance.Id, "period,value,count,denominator\n" + string.Concat(rows.Select(r => $"{r[0]},{r[1]},{r[2]},{r[3]}\n")), convenor, ct);
        await ImportAsync(attendances.Id, "period,value\n" + string.Concat(rows.Select(r => $"{r[0]},{r[3]}\n")), convenor, ct);
        await measures.LinkToGoalAsync(performance.Id, goalId, convenor, ct);
        await measures.LinkToGoalAsync(attendances.Id, goalId, convenor, ct);
    }

    private static async Task<List<string[]>> ReadDemoAeAsync(CancellationToken ct)
    {
        await using var stream = typeof(DemoGoals).Assembly.GetManifestResourceStream("Concordat.Core.Demo.ae-demo.csv")
            ?? throw new InvalidOperationException("The demo A&E data is missing from the assembly.");
        using var reader = new StreamReader(stream);
        await reader.ReadLineAsync(ct);
        var rows = new List<string[]>();
        while (await reader.ReadLineAsync(ct) is { Length: > 0 } line)
        {
            rows.Add(line.Split(','));
        }
        return rows;
    }

    private async Task ImportAsync(Guid measureId, string csv, Actor convenor, CancellationToken ct)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv));
        var plan = await importer.PlanAsync(stream, "ae-demo.csv", measureId, new Measures.Import.FileChoice(), Measures.Import.ImportLimits.None, convenor, ct);
        if (!plan.IsValid)
        {
            throw new InvalidOperationException("The demo A&E data does not import: " + string.Join("; ", plan.Problems));
        }
        await importer.ApplyAsync(plan, convenor, null, ct);
    }
}
