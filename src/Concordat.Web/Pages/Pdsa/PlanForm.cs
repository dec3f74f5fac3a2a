using Concordat.Core.Measures;
using Concordat.Core.Partnerships;
using Concordat.Core.Pdsa;
using Concordat.Core.People;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Pdsa;

/// <summary>The Plan's fields; names match <see cref="SavePdsaPlan"/> so that errors land beside them.</summary>
public sealed class PlanForm
{
    public string? Title { get; set; }
    public string? Objective { get; set; }
    public string? Question { get; set; }
    public string? Prediction { get; set; }
    public Guid? OwnerOrganisationId { get; set; }
    public Guid? OwnerPersonId { get; set; }
    public string? Where { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public Guid? MeasureId { get; set; }
    public List<Guid> OrganisationIds { get; set; } = [];

    public SavePdsaPlan ToInput() => new(Title, Objective, Question, Prediction, OwnerOrganisationId, OwnerPersonId, Where, StartsOn, EndsOn, MeasureId, OrganisationIds);

    public static PlanForm Of(PdsaDetail d) => new()
    {
        Title = d.Cycle.Title, Objective = d.Cycle.Objective, Question = d.Cycle.Question, Prediction = d.Cycle.Prediction, OwnerOrganisationId = d.Cycle.OwnerOrganisationId,
        OwnerPersonId = d.Cycle.OwnerPersonId, Where = d.Cycle.Where, StartsOn = d.Cycle.StartsOn, EndsOn = d.Cycle.EndsOn, MeasureId = d.Cycle.MeasureId,
        OrganisationIds = [.. d.Organisations.Select(o => o.Id)],
    };

    public IEnumerable<SelectListItem> OwnerOptions(IEnumerable<OrganisationSummary> owners) =>
        new[] { new SelectListItem("Select the organisation", "", OwnerOrganisationId is null) }
            .Concat(owners.Select(o => new SelectListItem(o.Name, o.Id.ToString(), o.Id == OwnerOrganisationId)));

    public IEnumerable<SelectListItem> PersonOptions(IEnumerable<PersonInSystem> people) =>
        new[] { new SelectListItem("No one named", "", OwnerPersonId is null) }
            .Concat(people.Select(p => new SelectListItem($"{p.DisplayName} ({p.OrganisationName})", p.PersonId.ToString(), p.PersonId == OwnerPersonId)));

    public IEnumerable<SelectListItem> MeasureOptions(IEnumerable<MeasureSummary> measures) =>
        new[] { new SelectListItem("No measure yet", "", MeasureId is null) }
            .Concat(measures.OrderBy(m => m.Name, StringComparer.Ordinal).Select(m => new SelectListItem(m.Name, m.Id.ToString(), m.Id == MeasureId)));

    public IEnumerable<SelectListItem> OrganisationOptions(IEnumerable<OrganisationSummary> partners) =>
        partners.Select(o => new SelectListItem(o.Name, o.Id.ToString(), OrganisationIds.Contains(o.Id)));
}

/// <summary>What the plan form's choices are drawn from.</summary>
public interface IPlanFormPage
{
    PlanForm Input { get; }
    IReadOnlyList<OrganisationSummary> Owners { get; }
    IReadOnlyList<OrganisationSummary> Partners { get; }
    IReadOnlyList<PersonInSystem> People { get; }
    IReadOnlyList<MeasureSummary> Measures { get; }
}
