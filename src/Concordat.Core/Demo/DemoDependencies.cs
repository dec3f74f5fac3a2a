using Concordat.Core.WorkProgramme.Dependencies;

namespace Concordat.Core.Demo;

/// <summary>
/// What the demo's partners need from each other's work: three accepted on track, one accepted for a date after the
/// item that needs it is due (so it is off track, and the same-day emergency care unit is at risk because of the
/// council), one still waiting on the community trust's answer, one declined with its reason and one delivered. The
/// consuming item's owner asks; only the producing organisation's lead answers.
/// </summary>
public sealed class DemoDependencies(DependencyService dependencies)
{
    public async Task CreateAsync(DemoProgramme p, CancellationToken ct)
    {
        const string stepUp = "Single point of access for step-up referrals";
        const string governance = "Clinical governance for community readings";
        const string libraries = "Blood pressure checks in six libraries";
        await AcceptedAsync(p, "Paramedic conveyance guidance names the virtual ward", stepUp,
            "Our guidance can name the virtual ward only once there is one number crews can call around the clock.", 21, ct);
        await AcceptedAsync(p, "Leisure centre staff trained to take readings", governance,
            "Our staff cannot be trained until the clinical governance says who is accountable for a reading.", 7, ct);
        await AcceptedAsync(p, libraries, governance, "Library staff start taking readings once the clinical governance is agreed.", 7, ct);
        // The council can promise packages within 48 hours only once its new home care framework starts, after the unit needs them.
        await AcceptedAsync(p, "Same-day emergency care unit open 12 hours a day", "Care packages sourced within 48 hours of referral",
            "The unit's space is freed only when people waiting for care packages can go home: we need packages sourced within 48 hours.", 60, ct);

        await RequestAsync(p, "Care home staff trained to call the virtual ward first", stepUp,
            "Care home staff need the single number before we train them to call the virtual ward first.", ct);

        const string recall = "Recall payment added to the local enhanced service";
        var declined = await RequestAsync(p, "Frequent attenders reviewed with primary care", recall,
            "We ask for reviews of frequent attenders to be paid through the local enhanced service, as the recall payment is.", ct);
        await dependencies.DeclineAsync(declined.Id, new DeclineDependency(
            "The recall payment is funded from the hypertension case-finding allocation and can pay only for recalling people with a raised blood pressure "
            + "reading. Reviews of frequent attenders need their own funding: raise them for next year's local enhanced service."),
            declined.Version, p.OwnerOf(recall), ct);

        const string venues = "Community venue list for the most deprived neighbourhoods";
        var delivered = await AcceptedAsync(p, libraries, venues,
            "The alliance's list of community venues in the most deprived neighbourhoods, to choose the six libraries from.", -62, ct);
        await dependencies.DeliverAsync(delivered.Id, delivered.Version, p.OwnerOf(venues), ct);
    }

    private Task<Dependency> RequestAsync(DemoProgramme p, string consumer, string producer, string note, CancellationToken ct) =>
        dependencies.RequestAsync(new RequestDependency(p.Item(consumer).Id, p.Item(producer).Id, note), p.OwnerOf(consumer), ct);

    /// <summary>Asked by the consuming item's owner and accepted by the producing one's lead, committing to a date in days from today.</summary>
    private async Task<Dependency> AcceptedAsync(DemoProgramme p, string consumer, string producer, string note, int committedInDays, CancellationToken ct)
    {
        var request = await RequestAsync(p, consumer, producer, note, ct);
        return await dependencies.AcceptAsync(request.Id, new AcceptDependency(p.Today.AddDays(committedInDays)), request.Version, p.OwnerOf(producer), ct);
    }
}
