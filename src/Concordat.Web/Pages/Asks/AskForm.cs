using Concordat.Core.Asks;
using Concordat.Core.Goals;
using Concordat.Core.National;
using Concordat.Core.Partnerships;
using Concordat.Core.Raid;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Asks;

/// <summary>The fields of the draft and change forms; names match <see cref="SaveAsk"/> so errors land beside them.</summary>
public sealed class AskForm
{
    public string? Title { get; set; }
    public AskCategory? Category { get; set; }
    public Guid? NationalBodyId { get; set; }
    public string? Barrier { get; set; }
    public string? Request { get; set; }
    public string? Evidence { get; set; }
    public string? Offer { get; set; }
    public Guid? OwnerOrganisationId { get; set; }
    public List<Guid> GoalIds { get; set; } = [];
    public List<Guid> RiskIds { get; set; } = [];

    public SaveAsk ToInput() => new(Title, Category, NationalBodyId, Barrier, Request, Evidence, Offer, OwnerOrganisationId, GoalIds, RiskIds);

    public static AskForm Of(AskDetail d) => new()
    {
        Title = d.Ask.Title, Category = d.Ask.Category, NationalBodyId = d.Ask.NationalBodyId, Barrier = d.Ask.Barrier, Request = d.Ask.Request,
        Evidence = d.Ask.Evidence, Offer = d.Ask.Offer, OwnerOrganisationId = d.Ask.OwnerOrganisationId,
        GoalIds = [.. d.Ask.Goals.Select(g => g.GoalId)], RiskIds = [.. d.Ask.Risks.Select(r => r.RaidEntryId)],
    };

    public IEnumerable<SelectListItem> CategoryOptions() =>
        [new("Select the kind of change", "", Category is null), .. Enum.GetValues<AskCategory>().Select(c => new SelectListItem(c.InWords(), c.ToString(), c == Category))];

    public IEnumerable<SelectListItem> BodyOptions(IEnumerable<NationalBodySummary> bodies) =>
        [new("Select a national body", "", NationalBodyId is null), .. bodies.Select(b => new SelectListItem(b.Name, b.Id.ToString(), b.Id == NationalBodyId))];

    public IEnumerable<SelectListItem> OwnerOptions(IEnumerable<OrganisationSummary> organisations) =>
        [new("Select an organisation", "", OwnerOrganisationId is null),
            .. organisations.Where(o => o.IsPartner).Select(o => new SelectListItem(o.Name, o.Id.ToString(), o.Id == OwnerOrganisationId))];

    public IEnumerable<SelectListItem> GoalOptions(IEnumerable<GoalSummary> goals) =>
        goals.Where(g => g.Status != GoalStatus.Retired).Select(g => new SelectListItem(g.Title, g.Id.ToString(), GoalIds.Contains(g.Id)));

    public IEnumerable<SelectListItem> RiskOptions(IEnumerable<RaidEntry> risks) =>
        risks.Select(r => new SelectListItem(r.Text, r.Id.ToString(), RiskIds.Contains(r.Id)));
}

/// <summary>What the shared ask fields partial needs from its page.</summary>
public interface IAskFormPage
{
    AskForm Input { get; }
    IReadOnlyList<NationalBodySummary> Bodies { get; }
    IReadOnlyList<OrganisationSummary> Organisations { get; }
    IReadOnlyList<GoalSummary> Goals { get; }
    IReadOnlyList<RaidEntry> Risks { get; }
}
