using Concordat.Core.Partnerships;
using Concordat.Core.People;
using Concordat.Core.WorkProgramme;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.WorkProgramme;

/// <summary>The fields of the add and change forms; names match <see cref="SaveWorkItem"/> so errors land beside them.</summary>
public sealed class WorkItemForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public Guid? WorkstreamId { get; set; }
    public Guid? OwnerOrganisationId { get; set; }
    public Guid? OwnerPersonId { get; set; }
    public DateOnly? DueOn { get; set; }
    public WorkItemSize? Size { get; set; }
    public List<Guid> ContributorIds { get; set; } = [];
    public List<Guid> ChangeIdeaIds { get; set; } = [];

    public SaveWorkItem ToInput() => new(Title, Description, WorkstreamId, OwnerOrganisationId, OwnerPersonId, DueOn, Size, ContributorIds, ChangeIdeaIds);

    public static WorkItemForm Of(WorkItemDetail d) => new()
    {
        Title = d.Card.Title, Description = d.Description, WorkstreamId = d.Card.WorkstreamId, OwnerOrganisationId = d.Card.OwnerOrganisationId,
        OwnerPersonId = d.Card.OwnerPersonId, DueOn = d.Card.DueOn, Size = d.Card.Size, ContributorIds = [.. d.Contributors.Select(c => c.Id)],
        ChangeIdeaIds = [.. d.ChangeIdeas.Select(c => c.Id)],
    };

    public IEnumerable<SelectListItem> WorkstreamOptions(IEnumerable<WorkstreamSummary> workstreams) =>
        new[] { new SelectListItem("Select a workstream", "", WorkstreamId is null) }
            .Concat(workstreams.Where(w => w.Status != WorkstreamStatus.Closed || w.Id == WorkstreamId)
                .Select(w => new SelectListItem(w.Name, w.Id.ToString(), w.Id == WorkstreamId)));

    public IEnumerable<SelectListItem> OwnerOptions(IEnumerable<OrganisationSummary> owners) =>
        new[] { new SelectListItem("Select the organisation", "", OwnerOrganisationId is null) }
            .Concat(owners.Select(o => new SelectListItem(o.Name, o.Id.ToString(), o.Id == OwnerOrganisationId)));

    public IEnumerable<SelectListItem> PersonOptions(IEnumerable<PersonInSystem> people) =>
        new[] { new SelectListItem("No one named", "", OwnerPersonId is null) }
            .Concat(people.Select(p => new SelectListItem($"{p.DisplayName} ({p.OrganisationName})", p.PersonId.ToString(), p.PersonId == OwnerPersonId)));

    public IEnumerable<SelectListItem> SizeOptions() =>
        new[] { new SelectListItem("Not sized", "", Size is null) }
            .Concat(Enum.GetValues<WorkItemSize>().Select(s => new SelectListItem(s.InWords(), s.ToString(), s == Size)));

    public IEnumerable<SelectListItem> ContributorOptions(IEnumerable<OrganisationSummary> partners) =>
        partners.Select(o => new SelectListItem(o.Name, o.Id.ToString(), ContributorIds.Contains(o.Id)));

    public IEnumerable<SelectListItem> ChangeIdeaOptions(IEnumerable<(Guid Id, string Title)> ideas) =>
        ideas.Select(i => new SelectListItem(i.Title, i.Id.ToString(), ChangeIdeaIds.Contains(i.Id)));
}
