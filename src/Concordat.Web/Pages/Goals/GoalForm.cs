using System.ComponentModel.DataAnnotations;
using Concordat.Core.Goals;
using Concordat.Core.Partnerships;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Goals;

/// <summary>The goal form's fields; names match <see cref="SaveGoal"/> so that service errors land beside them.</summary>
public sealed class GoalForm
{
    public string? Title { get; set; }
    public string? OutcomeStatement { get; set; }
    public string? Population { get; set; }
    public bool WholeSystem { get; set; }
    public List<Guid> PlaceIds { get; set; } = [];
    public string? InequalityLens { get; set; }

    [Display(Name = "Horizon")]
    public DateOnly? Horizon { get; set; }
    public Guid? LeadOrganisationId { get; set; }
    public string? SeniorResponsibleOwner { get; set; }
    public Guid? OwningForumId { get; set; }
    public List<Guid> JointOwnerIds { get; set; } = [];
    public Guid? AmbitionId { get; set; }

    public static GoalForm From(GoalDetail goal) => new()
    {
        OwningForumId = goal.Owners.Forum?.Id, JointOwnerIds = [.. goal.Owners.JointOwners.Select(o => o.Id)],
        Title = goal.Title, OutcomeStatement = goal.OutcomeStatement, Population = goal.Population, WholeSystem = goal.WholeSystem,
        PlaceIds = [.. goal.Places.Select(p => p.Id)], InequalityLens = goal.InequalityLens, Horizon = goal.Horizon,
        LeadOrganisationId = goal.LeadOrganisationId, SeniorResponsibleOwner = goal.SeniorResponsibleOwner, AmbitionId = goal.AmbitionId,
    };

    public SaveGoal ToInput() =>
        new(Title, OutcomeStatement, Population, WholeSystem, PlaceIds, InequalityLens, Horizon, LeadOrganisationId, SeniorResponsibleOwner, OwningForumId, JointOwnerIds, AmbitionId);

    public static IEnumerable<SelectListItem> ForumOptions(IEnumerable<ForumDetail> forums, Guid? selected) =>
        new[] { new SelectListItem("No forum", "", selected is null) }
            .Concat(forums.Select(f => new SelectListItem(f.Forum.Name, f.Forum.Id.ToString(), f.Forum.Id == selected)));

    /// <summary>Any organisation of the system may own a goal jointly, partners or not (a university, a national charity).</summary>
    public static IEnumerable<SelectListItem> JointOwnerOptions(IEnumerable<OrganisationSummary> organisations, IReadOnlyCollection<Guid> selected) =>
        organisations.Select(o => new SelectListItem(o.IsPartner ? o.Name : $"{o.Name} (outside the system)", o.Id.ToString(), selected.Contains(o.Id)));

    public static IEnumerable<SelectListItem> AmbitionOptions(IEnumerable<Ambition> ambitions, Guid? selected) =>
        new[] { new SelectListItem("No ambition", "", selected is null) }.Concat(ambitions.Select(a => new SelectListItem(a.Title, a.Id.ToString(), a.Id == selected)));

    public static IEnumerable<SelectListItem> WholeSystemOption(bool selected) => [new SelectListItem("The whole system", "true", selected)];

    public static IEnumerable<SelectListItem> OrganisationOptions(IEnumerable<OrganisationSummary> organisations, Guid? selected) =>
        new[] { new SelectListItem("Select an organisation", "", selected is null) }
            .Concat(organisations.Where(o => o.IsPartner && o.Type != OrganisationType.NationalBody).Select(o => new SelectListItem(o.Name, o.Id.ToString(), o.Id == selected)));
}
