using Concordat.Core.Access;
using Concordat.Core.TheoryOfChange;

namespace Concordat.Core.Demo;

/// <summary>
/// Driver diagrams for the demo goals: a full one for frailty (one change idea properly diagnosed, one a lever without
/// a mechanism) and a thin one for A&amp;E (drivers but no change ideas), so that the gaps are there to be seen. Meeting
/// crises at home is a priority of both: entered under frailty, and shared with A&amp;E with everything under it.
/// </summary>
public sealed class DemoTheoryOfChange(TheoryOfChangeService theory)
{
    public async Task CreateAsync(Guid frailtyGoalId, Guid aeGoalId, Guid hypertensionGoalId, Guid virtualWardId, Guid reablementId, Actor frailtyLead, Actor aeLead,
        Actor convenor, CancellationToken ct)
    {
        async Task<Guid> Primary(Guid goal, string title, Actor lead) =>
            (await theory.AddDriverAsync(goal, new AddDriver(DriverLevel.Primary, title, null), lead, ct)).Id;
        async Task<Guid> Secondary(Guid goal, string title, Actor lead, params Guid[] primary) =>
            (await theory.AddDriverAsync(goal, new AddDriver(DriverLevel.Secondary, title, primary), lead, ct)).Id;

        var crisis = await Primary(frailtyGoalId, "Crises at home are met at home", frailtyLead);
        var discharge = await Primary(frailtyGoalId, "People go home as soon as they are medically fit", frailtyLead);
        var stepUp = await Secondary(frailtyGoalId, "GPs and paramedics can refer straight to the virtual ward", frailtyLead, crisis);
        await Secondary(frailtyGoalId, "Discharge is planned from the day of admission", frailtyLead, discharge);
        var reablement = await Secondary(frailtyGoalId, "Reablement starts within 24 hours of discharge", frailtyLead, discharge, crisis);

        await theory.AddChangeIdeaAsync(frailtyGoalId, new SaveChangeIdea("Step-up referrals to the frailty virtual ward", [stepUp],
            "GPs and paramedics attending frail older people in crisis", "Refer to the virtual ward instead of conveying to the emergency department")
        {
            PsychologicalCapability = "Many do not know the virtual ward takes step-up referrals, or what it can manage.",
            PhysicalOpportunity = "There is no single number to call; referral forms differ between the two places.",
            AutomaticMotivation = "Conveying to hospital is the habitual, lower-risk feeling choice at 2am.",
            Functions = InterventionFunctions.Education | InterventionFunctions.EnvironmentalRestructuring | InterventionFunctions.Enablement,
            Levers = PolicyLevers.CommunicationMarketing | PolicyLevers.ServiceProvision | PolicyLevers.Guidelines,
            LeverDetails = "A single point of access; the ambulance service's conveyance guidance",
            ContributionIds = [virtualWardId],
        }, frailtyLead, ct);
        await theory.AddChangeIdeaAsync(frailtyGoalId, new SaveChangeIdea("Reablement contract with retained hours", [reablement], null, null)
        {
            Functions = InterventionFunctions.Incentivisation, Levers = PolicyLevers.FiscalMeasures, LeverDetails = "Council home care contract",
            ContributionIds = [reablementId],
        }, frailtyLead, ct);

        await Primary(aeGoalId, "Fewer people need to come to the emergency department", aeLead);
        await theory.ShareDriverAsync(frailtyGoalId, crisis, aeGoalId, convenor, ct);
        await Primary(aeGoalId, "Flow through the hospital keeps the department clear", aeLead);

        // Hypertension: a diagnosed mechanism for the community checks the borough objected to, and a recall incentive
        // that names whose behaviour but not what stops it, so the health check finds a lever without a mechanism.
        var found = await Primary(hypertensionGoalId, "People with high blood pressure in the most deprived areas are found", convenor);
        var venues = await Secondary(hypertensionGoalId, "Blood pressure checks are offered where people already go", convenor, found);
        var recall = await Secondary(hypertensionGoalId, "Practices recall everyone with a raised reading", convenor, found);
        await theory.AddChangeIdeaAsync(hypertensionGoalId, new SaveChangeIdea("Blood pressure checks in libraries, leisure centres and community venues", [venues],
            "Library, leisure centre and community venue staff", "Offer a blood pressure check, and refer anyone with a raised reading to their practice")
        {
            PhysicalCapability = "Staff have not been trained to take a reading or to know what to do with a high one.",
            ReflectiveMotivation = "Staff see health checks as the NHS's job, not theirs, without funding or clinical backing.",
            Functions = InterventionFunctions.Training | InterventionFunctions.Enablement,
            Levers = PolicyLevers.ServiceProvision | PolicyLevers.Guidelines,
            LeverDetails = "The Core20PLUS5 hypertension case-finding specification; ICB clinical governance",
        }, convenor, ct);
        await theory.AddChangeIdeaAsync(hypertensionGoalId, new SaveChangeIdea("Recall payment in the local enhanced service", [recall],
            "GP practice recall teams", "Recall everyone with a raised reading within four weeks")
        {
            Functions = InterventionFunctions.Incentivisation, Levers = PolicyLevers.FiscalMeasures, LeverDetails = "Local enhanced service",
        }, convenor, ct);
    }
}
