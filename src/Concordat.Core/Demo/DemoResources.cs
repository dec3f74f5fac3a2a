using Concordat.Core.Access;
using Concordat.Core.Resources;

namespace Concordat.Core.Demo;

/// <summary>
/// The demo partners' resource register, what they commit to the frailty and A&amp;E goals (one over-commitment,
/// recorded with its reason; one partner's resource given on request, another still waiting for its owner's answer),
/// what the frailty goal needs, and a Better Care Fund pool. Everything here is invented.
/// </summary>
public sealed class DemoResources(ResourceService resources, CommitmentService commitments, GoalNeedService needs, PooledFundService funds)
{
    public sealed record Context(DateOnly Today, IReadOnlyDictionary<Guid, Actor> Leads, Guid FrailtyGoalId, Guid VirtualWardId,
        Guid ReablementId, Guid HomeFromHospitalId, Guid SameDayEmergencyCareId, Guid Icb, Guid NorthshireTrust, Guid Community, Guid County, Guid Borough,
        Guid Vcse, IReadOnlyDictionary<string, Guid> Places);

    public async Task CreateAsync(Context c, CancellationToken ct)
    {
        var year = c.Today.Month >= 4 ? c.Today.Year : c.Today.Year - 1;
        var financialYear = $"{year}/{(year + 1) % 100:00}";
        var (from, to) = (c.Today, c.Today.AddYears(1).AddDays(-1));
        var northshire = c.Places["Northshire"];
        var eastvale = c.Places["Eastvale"];

        async Task<Guid> Register(Guid organisation, ResourceType type, SaveResource resource) =>
            (await resources.CreateAsync(resource with { OrganisationId = organisation, Type = type }, c.Leads[organisation], ct)).Id;

        var nurses = await Register(c.Community, ResourceType.RegisteredNursing, new(null, ResourceKind.Workforce, "Community nurses", 180, "WTE", 12, null, "Rachel Owusu, Chief Executive"));
        var therapists = await Register(c.Community, ResourceType.AlliedHealthProfessionals, new(null, ResourceKind.Workforce, "Therapists (physiotherapy and occupational therapy)", 60, "WTE", 4, null,
            "Head of therapies, therapies@community.demo.concordat.example"));
        await Register(c.Community, ResourceType.SoftwareLicences, new(null, ResourceKind.Technology, "Shared care record viewer licences", 500, "seats", 150, null, "Chief clinical information officer"));
        await Register(c.NorthshireTrust, ResourceType.Doctors, new(null, ResourceKind.Workforce, "Acute frailty consultants", 6, "WTE", 1, northshire, "Medical director's office"));
        var ecds = await Register(c.NorthshireTrust, ResourceType.DataSets, new(null, ResourceKind.Information, "Emergency care data set extract", 1, "data set", 1, northshire, "Head of information")
        {
            DataOwner = "Northshire Teaching Hospitals, information governance", HasDataSharingAgreement = true,
        });
        var clinic = await Register(c.County, ResourceType.ClinicalSpace, new(null, ResourceKind.Estates, "Harbour Street clinic, first floor", 300, "m²", 180, northshire,
            "Corporate landlord, estates@northshire.demo.concordat.example")
        {
            Address = "12 Harbour Street, Northshire", Postcode = "NE1 4LP", OpeningHours = "Monday to Friday 8am to 6pm", Notes = "Void since the library moved out; ground-floor access.",
        });
        var reablementWorkers = await Register(c.County, ResourceType.SocialCareWorkers, new(null, ResourceKind.Workforce, "Reablement workers", 85, "WTE", 10, northshire, "Head of reablement"));
        var dischargeFund = await Register(c.County, ResourceType.Revenue, new(null, ResourceKind.Funding, "Adult social care discharge fund", 2_400_000, "£", 2_400_000, northshire, "Finance business partner, adults")
        {
            FundingSource = "Local authority discharge fund grant", FinancialYear = financialYear, IsRecurrent = false,
        });
        await Register(c.County, ResourceType.DataSets, new(null, ResourceKind.Information, "Adult social care case records", 1, "data set", 1, northshire, "Caldicott guardian")
        {
            DataOwner = "Director of adult social services", HasDataSharingAgreement = false, Notes = "A data-sharing agreement with the ICB is being drafted.",
        });
        var civicCentre = await Register(c.Borough, ResourceType.OfficeSpace, new(null, ResourceKind.Estates, "Eastvale Civic Centre meeting rooms", 220, "m²", 120, eastvale, "Facilities, civic@eastvale.demo.concordat.example")
        {
            Address = "Civic Centre, Market Square, Eastvale", Postcode = "EV1 2AB", OpeningHours = "Monday to Saturday 8am to 8pm",
        });
        var volunteers = await Register(c.Vcse, ResourceType.Volunteers, new(null, ResourceKind.CommunityAssets, "Home-from-hospital volunteers", 600, "hours a week", 400, null, "Maureen Dobson, Chair"));
        await Register(c.Vcse, ResourceType.Venues, new(null, ResourceKind.CommunityAssets, "Community centres", 12, "venues", 6, null, "Alliance coordinator")
        {
            Notes = "Evening and weekend space for clinics, health checks and groups.",
        });
        await Register(c.Icb, ResourceType.Revenue, new(null, ResourceKind.Funding, "Ageing well programme", 1_200_000, "£", 800_000, null, "Director of strategy")
        {
            FundingSource = "ICB programme budget", FinancialYear = financialYear, IsRecurrent = true,
        });
        await Register(c.Icb, ResourceType.DigitalPlatforms, new(null, ResourceKind.Technology, "Population health management platform", 40, "seats", 20, null, "Head of population health analytics"));

        var community = c.Leads[c.Community];
        await commitments.CommitAsync(c.VirtualWardId, new CommitResource(nurses, 12, from, to, null), community, ct);
        await commitments.CommitAsync(c.VirtualWardId, new CommitResource(therapists, 6, from, to,
            "Winter surge: the trust board agreed bank therapists for the virtual ward until March."), community, ct);
        // The clinic is the county council's: the community trust asks for it, and the council's lead accepts.
        var clinicRequest = await commitments.CommitAsync(c.VirtualWardId, new CommitResource(clinic, 120, from, to, null), community, ct);
        await commitments.AcceptAsync(clinicRequest.Id, new AcceptCommitment(), c.Leads[c.County], ct);
        // Left for the borough council's lead to answer, so the demo shows a request waiting on someone.
        await commitments.CommitAsync(c.VirtualWardId, new CommitResource(civicCentre, 40, from, from.AddMonths(6).AddDays(-1), null), community, ct);
        var county = c.Leads[c.County];
        await commitments.CommitAsync(c.ReablementId, new CommitResource(reablementWorkers, 10, from, to, null), county, ct);
        await commitments.CommitAsync(c.ReablementId, new CommitResource(dischargeFund, 1_500_000, from, to, null), county, ct);
        await commitments.CommitAsync(c.SameDayEmergencyCareId, new CommitResource(ecds, 1, from, to, null), c.Leads[c.NorthshireTrust], ct);
        await commitments.CommitAsync(c.HomeFromHospitalId, new CommitResource(volunteers, 300, from, to, null), c.Leads[c.Vcse], ct);

        var frailtyLead = c.Leads[c.Community];
        await needs.AddNeedAsync(c.FrailtyGoalId, new AddNeed(ResourceKind.Workforce, "Community nurses for the virtual ward", 16, "WTE", from, to,
            [ResourceType.RegisteredNursing]), frailtyLead, ct);
        await needs.AddNeedAsync(c.FrailtyGoalId, new AddNeed(ResourceKind.Estates, "Hub space for the virtual ward team in Northshire", 120, "m²", from, to,
            [ResourceType.ClinicalSpace, ResourceType.OfficeSpace]), frailtyLead, ct);
        await needs.AddNeedAsync(c.FrailtyGoalId, new AddNeed(ResourceKind.Funding, "Reablement and discharge support", 2_000_000, "£", from, to,
            [ResourceType.Revenue, ResourceType.PooledFunding]), frailtyLead, ct);

        var bcf = await funds.CreateAsync(new SavePooledFund($"Northshire Better Care Fund {financialYear}", PooledFundType.BetterCareFund, c.County,
            "Amira Khan, Head of Integrated Commissioning", financialYear), county, ct);
        // The host proposes, and each partner confirms its own payment.
        await funds.SetContributionAsync(bcf.Id, new SetFundContribution(c.Icb, 14_200_000_00), county, ct);
        await funds.ConfirmProposalAsync(bcf.Id, c.Icb, c.Leads[c.Icb], ct);
        await funds.SetContributionAsync(bcf.Id, new SetFundContribution(c.County, 6_800_000_00), county, ct);
        // Left for the hospital trust's lead to answer.
        await funds.SetContributionAsync(bcf.Id, new SetFundContribution(c.NorthshireTrust, 250_000_00), county, ct);
        await funds.AddSchemeAsync(bcf.Id, new AddScheme("Discharge to assess", 9_500_000_00, [c.FrailtyGoalId]), county, ct);
        await funds.AddSchemeAsync(bcf.Id, new AddScheme("Reablement", 6_000_000_00, [c.FrailtyGoalId]), county, ct);
        await funds.AddSchemeAsync(bcf.Id, new AddScheme("Disabled facilities grants", 3_100_000_00, []), county, ct);
        await funds.AddSchemeAsync(bcf.Id, new AddScheme("Carers' support", 1_900_000_00, []), county, ct);
    }
}
