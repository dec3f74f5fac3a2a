using Concordat.Core.Goals;
using Concordat.Core.Partnerships;
using Concordat.Core.People;
using Concordat.Core.WorkProgramme;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.WorkProgramme;

/// <summary>The fields of the start and change forms; names match <see cref="SaveWorkstream"/> so errors land beside them.</summary>
public sealed class WorkstreamForm
{
    public string? Name { get; set; }
    public string? Purpose { get; set; }
    public Guid? LeadOrganisationId { get; set; }
    public Guid? SeniorResponsibleOwnerId { get; set; }
    public WorkstreamStatus? Status { get; set; } = WorkstreamStatus.Active;
    public List<Guid> GoalIds { get; set; } = [];
    public List<Guid> ContributorIds { get; set; } = [];
    public List<Guid> ChangeIdeaIds { get; set; } = [];

    public SaveWorkstream ToInput() => new(Name, Purpose, LeadOrganisationId, SeniorResponsibleOwnerId, Status, GoalIds, ContributorIds, ChangeIdeaIds);

    public static WorkstreamForm Of(WorkstreamDetail d) => new()
    {
        Name = d.Workstream.Name, Purpose = d.Workstream.Purpose, LeadOrganisationId = d.Workstream.LeadOrganisationId,
        SeniorResponsibleOwnerId = d.Workstream.SeniorResponsibleOwnerId, Status = d.Workstream.Status, GoalIds = [.. d.Goals.Select(g => g.Id)],
        ContributorIds = [.. d.Contributors.Select(c => c.Id)], ChangeIdeaIds = [.. d.ChangeIdeas.Select(c => c.Id)],
    };

    public IEnumerable<SelectListItem> LeadOptions(IEnumerable<OrganisationSummary> leads) =>
        new[] { new SelectListItem("Select the organisation", "", LeadOrganisationId is null) }
            .Concat(leads.Select(o => new SelectListItem(o.Name, o.Id.ToString(), o.Id == LeadOrganisationId)));

    public IEnumerable<SelectListItem> PersonOptions(IEnumerable<PersonInSystem> people) =>
        new[] { new SelectListItem("No one named yet", "", SeniorResponsibleOwnerId is null) }
            .Concat(people.DistinctBy(p => p.PersonId)
                .Select(p => new SelectListItem($"{p.DisplayName} ({p.OrganisationName})", p.PersonId.ToString(), p.PersonId == SeniorResponsibleOwnerId)));

    public IEnumerable<SelectListItem> StatusOptions() =>
        Enum.GetValues<WorkstreamStatus>().Select(s => new SelectListItem(s.InWords(), s.ToString(), s == Status));

    public IEnumerable<SelectListItem> GoalOptions(IEnumerable<GoalSummary> goals) =>
        goals.Select(g => new SelectListItem(g.Title, g.Id.ToString(), GoalIds.Contains(g.Id)));

    public IEnumerable<SelectListItem> ContributorOptions(IEnumerable<OrganisationSummary> partners) =>
        partners.Select(o => new SelectListItem(o.Name, o.Id.ToString(), ContributorIds.Contains(o.Id)));

    public IEnumerable<SelectListItem> ChangeIdeaOptions(IEnumerable<(Guid Id, string Title, string Goal)> ideas) =>
        ideas.Select(i => new SelectListItem($"{i.Title} ({i.Goal})", i.Id.ToString(), ChangeIdeaIds.Contains(i.Id)));
}

/// <summary>What the shared fields of the start and change forms need from their page.</summary>
public interface IWorkstreamFormPage
{
    WorkstreamForm Input { get; }
    IReadOnlyList<OrganisationSummary> Partners { get; }
    IReadOnlyList<PersonInSystem> People { get; }
    IReadOnlyList<GoalSummary> Goals { get; }
    IReadOnlyList<(Guid Id, string Title, string Goal)> ChangeIdeas { get; }
}
