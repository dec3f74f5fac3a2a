using Concordat.Core.Access;
using Concordat.Core.Words;
using Concordat.Core.Goals;
using Concordat.Core.Partnerships;
using Concordat.Core.Raid;
using Concordat.Core.WorkProgramme;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Raid;

/// <summary>The fields of the add and change forms; names match <see cref="SaveRaidEntry"/> so errors land beside them.</summary>
public sealed class RaidForm
{
    public const string NotEscalated = "Not escalated";
    public const string SelectForum = "Select the forum";

    public string? Text { get; set; }
    public RaidStatus? Status { get; set; }
    public Guid? OwnerOrganisationId { get; set; }
    public string? Cause { get; set; }
    public string? Effect { get; set; }
    public int? Likelihood { get; set; }
    public int? Impact { get; set; }
    public RiskResponse? Response { get; set; }
    public string? Mitigation { get; set; }
    public int? ResidualLikelihood { get; set; }
    public int? ResidualImpact { get; set; }
    public DateOnly? ReviewOn { get; set; }
    public Guid? ForumId { get; set; }
    public string? CheckHow { get; set; }
    public DateOnly? CheckOn { get; set; }
    public string? IssueImpact { get; set; }
    public string? Resolution { get; set; }
    public string? Authority { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public List<Guid> GoalIds { get; set; } = [];
    public List<Guid> WorkstreamIds { get; set; } = [];
    public List<Guid> WorkItemIds { get; set; } = [];

    public SaveRaidEntry ToInput(RaidKind kind) => new(kind, Text, Status, OwnerOrganisationId, Cause, Effect, Likelihood, Impact, Response, Mitigation,
        ResidualLikelihood, ResidualImpact, ReviewOn, ForumId, CheckHow, CheckOn, IssueImpact, Resolution, Authority, DecidedOn, GoalIds, WorkstreamIds, WorkItemIds);

    public static RaidForm Of(RaidDetail d)
    {
        var e = d.Row.Entry;
        return new RaidForm
        {
            Text = e.Text, Status = e.Status, OwnerOrganisationId = e.OwnerOrganisationId, Cause = e.Cause, Effect = e.Effect, Likelihood = e.Likelihood,
            Impact = e.Impact, Response = e.Response, Mitigation = e.Mitigation, ResidualLikelihood = e.ResidualLikelihood, ResidualImpact = e.ResidualImpact,
            ReviewOn = e.ReviewOn, ForumId = e.ForumId, CheckHow = e.CheckHow, CheckOn = e.CheckOn, IssueImpact = e.IssueImpact, Resolution = e.Resolution,
            Authority = e.Authority, DecidedOn = e.DecidedOn, GoalIds = [.. d.Goals.Select(g => g.Id)], WorkstreamIds = [.. d.Workstreams.Select(w => w.Id)],
            WorkItemIds = [.. d.WorkItems.Select(w => w.Id)],
        };
    }

    public IEnumerable<SelectListItem> OwnerOptions(IEnumerable<OrganisationSummary> owners) =>
        new[] { new SelectListItem("Select the organisation", "", OwnerOrganisationId is null) }
            .Concat(owners.Select(o => new SelectListItem(o.Name, o.Id.ToString(), o.Id == OwnerOrganisationId)));

    public IEnumerable<SelectListItem> ForumOptions(IEnumerable<ForumDetail> forums, string none) =>
        new[] { new SelectListItem(none, "", ForumId is null) }
            .Concat(forums.Select(f => new SelectListItem(f.Forum.Name, f.Forum.Id.ToString(), f.Forum.Id == ForumId)));

    public static IEnumerable<SelectListItem> ScoreOptions(int? chosen, Func<int, string> words) =>
        new[] { new SelectListItem("Select a score", "", chosen is null) }
            .Concat(Enumerable.Range(RiskMatrix.Min, RiskMatrix.Max).Select(s => new SelectListItem($"{s}: {words(s)}", s.ToString(Prose.English), s == chosen)));

    public IEnumerable<SelectListItem> ResponseOptions() =>
        new[] { new SelectListItem("Select the response", "", Response is null) }
            .Concat(Enum.GetValues<RiskResponse>().Select(r => new SelectListItem(r.InWords(), r.ToString(), r == Response)));

    public IEnumerable<SelectListItem> StatusOptions() =>
        Enum.GetValues<RaidStatus>().Select(s => new SelectListItem(s.InWords(), s.ToString(), s == (Status ?? RaidStatus.Open)));

    public IEnumerable<SelectListItem> GoalOptions(IEnumerable<GoalSummary> goals) =>
        goals.Select(g => new SelectListItem(g.Title, g.Id.ToString(), GoalIds.Contains(g.Id)));

    public IEnumerable<SelectListItem> WorkstreamOptions(IEnumerable<WorkstreamSummary> workstreams) =>
        workstreams.Select(w => new SelectListItem(w.Name, w.Id.ToString(), WorkstreamIds.Contains(w.Id)));

    public IEnumerable<SelectListItem> WorkItemOptions(IEnumerable<WorkItemCard> items) =>
        items.Select(i => new SelectListItem($"{i.Title} ({i.OwnerOrganisation})", i.Id.ToString(), WorkItemIds.Contains(i.Id)));
}

/// <summary>What the add and change forms offer: owners, forums and the programme's goals, workstreams and items to link to.</summary>
public sealed record RaidFormChoices(IReadOnlyList<OrganisationSummary> Owners, IReadOnlyList<ForumDetail> Forums, IReadOnlyList<GoalSummary> Goals,
    IReadOnlyList<WorkstreamSummary> Workstreams, IReadOnlyList<WorkItemCard> WorkItems)
{
    public static async Task<RaidFormChoices> LoadAsync(Actor actor, OrganisationService organisations, GovernanceForumService forums, GoalService goals,
        WorkstreamService workstreams, WorkItemService items, CancellationToken ct)
    {
        var partners = (await organisations.ListAsync(ct)).Where(o => o.IsPartner).ToList();
        return new RaidFormChoices(
            actor.IsConvenor ? partners : [.. partners.Where(o => actor.CanContributeFor(o.Id))],
            await forums.ListAsync(ct),
            await goals.ListAsync(new GoalFilter(), ct),
            await workstreams.ListAsync(ct),
            await items.ListAsync(new WorkItemFilter(), ct));
    }
}

public interface IRaidFormPage
{
    RaidForm Input { get; }
    RaidKind Kind { get; }
    RaidFormChoices Choices { get; }
}
