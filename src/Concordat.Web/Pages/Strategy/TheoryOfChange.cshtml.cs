using Concordat.Core.Access;
using Concordat.Core.Goals;
using Concordat.Core.Strategy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Strategy;

public sealed class TheoryOfChangeModel(TheoryOfChangeService theory, ContributionService contributions) : SystemPageModel
{
    public sealed class DriverForm
    {
        public string? Title { get; set; }
        public List<Guid> PrimaryDriverIds { get; set; } = [];
    }

    public sealed class IdeaForm
    {
        public string? Title { get; set; }
        public List<Guid> SecondaryDriverIds { get; set; } = [];
        public string? WhoseBehaviour { get; set; }
        public string? WhatDifferently { get; set; }
        public string? PhysicalCapability { get; set; }
        public string? PsychologicalCapability { get; set; }
        public string? PhysicalOpportunity { get; set; }
        public string? SocialOpportunity { get; set; }
        public string? ReflectiveMotivation { get; set; }
        public string? AutomaticMotivation { get; set; }
        public List<InterventionFunctions> Functions { get; set; } = [];
        public List<PolicyLevers> Levers { get; set; } = [];
        public string? LeverDetails { get; set; }
        public List<Guid> ContributionIds { get; set; } = [];
    }

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public DriverForm Primary { get; set; } = new();

    [BindProperty]
    public DriverForm Secondary { get; set; } = new();

    [BindProperty]
    public IdeaForm Idea { get; set; } = new();

    public DriverDiagram Diagram { get; private set; } = null!;
    public IReadOnlyList<ContributionRow> Contributions { get; private set; } = [];
    public bool CanEdit => Actor.IsConvenor || Actor.IsLeadOf(Diagram.LeadOrganisationId);
    public bool CanAddIdeas => CanEdit || Contributions.Any(c => Actor.IsLeadOf(c.OrganisationId));
    public string Svg => DriverDiagramSvg.ToSvg(Diagram);

    public IEnumerable<SelectListItem> PrimaryOptions => Diagram.Primary.Select(d => new SelectListItem(d.Driver.Title, d.Driver.Id.ToString(), Secondary.PrimaryDriverIds.Contains(d.Driver.Id)));
    public IEnumerable<SelectListItem> SecondaryOptions => Diagram.Secondary.Select(d => new SelectListItem(d.Driver.Title, d.Driver.Id.ToString(), Idea.SecondaryDriverIds.Contains(d.Driver.Id)));
    public IEnumerable<SelectListItem> ContributionOptions => Contributions.Where(c => c.Status != ContributionStatus.Withdrawn)
        .Select(c => new SelectListItem($"{c.Organisation}: {c.Commitment}", c.Id.ToString(), Idea.ContributionIds.Contains(c.Id)));

    public static readonly (InterventionFunctions Value, string Text)[] FunctionNames =
    [
        (InterventionFunctions.Education, "Education"), (InterventionFunctions.Persuasion, "Persuasion"), (InterventionFunctions.Incentivisation, "Incentivisation"),
        (InterventionFunctions.Coercion, "Coercion"), (InterventionFunctions.Training, "Training"), (InterventionFunctions.Restriction, "Restriction"),
        (InterventionFunctions.EnvironmentalRestructuring, "Environmental restructuring"), (InterventionFunctions.Modelling, "Modelling"), (InterventionFunctions.Enablement, "Enablement"),
    ];

    public static readonly (PolicyLevers Value, string Text)[] LeverNames =
    [
        (PolicyLevers.CommunicationMarketing, "Communication and marketing"), (PolicyLevers.Guidelines, "Guidelines"), (PolicyLevers.FiscalMeasures, "Fiscal measures"),
        (PolicyLevers.Regulation, "Regulation"), (PolicyLevers.Legislation, "Legislation"), (PolicyLevers.EnvironmentalSocialPlanning, "Environmental and social planning"),
        (PolicyLevers.ServiceProvision, "Service provision"),
    ];

    public IEnumerable<SelectListItem> FunctionOptions => FunctionNames.Select(f => new SelectListItem(f.Text, f.Value.ToString(), Idea.Functions.Contains(f.Value)));
    public IEnumerable<SelectListItem> LeverOptions => LeverNames.Select(l => new SelectListItem(l.Text, l.Value.ToString(), Idea.Levers.Contains(l.Value)));

    public static string Functions(InterventionFunctions value) =>
        string.Join(", ", FunctionNames.Where(f => value.HasFlag(f.Value)).Select(f => f.Text.ToLowerInvariant()));

    public static string Levers(PolicyLevers value) => string.Join(", ", LeverNames.Where(l => value.HasFlag(l.Value)).Select(l => l.Text.ToLowerInvariant()));

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostPrimaryAsync(CancellationToken ct) =>
        ActAsync(() => theory.AddDriverAsync(Id, new AddDriver(DriverLevel.Primary, Primary.Title, null), Actor, ct), "Primary driver added", "Primary", ct);

    public Task<IActionResult> OnPostSecondaryAsync(CancellationToken ct) =>
        ActAsync(() => theory.AddDriverAsync(Id, new AddDriver(DriverLevel.Secondary, Secondary.Title, Secondary.PrimaryDriverIds), Actor, ct), "Secondary driver added", "Secondary", ct);

    public Task<IActionResult> OnPostIdeaAsync(CancellationToken ct) =>
        ActAsync(() => theory.AddChangeIdeaAsync(Id, new SaveChangeIdea(Idea.Title, Idea.SecondaryDriverIds, Idea.WhoseBehaviour, Idea.WhatDifferently)
        {
            PhysicalCapability = Idea.PhysicalCapability, PsychologicalCapability = Idea.PsychologicalCapability, PhysicalOpportunity = Idea.PhysicalOpportunity,
            SocialOpportunity = Idea.SocialOpportunity, ReflectiveMotivation = Idea.ReflectiveMotivation, AutomaticMotivation = Idea.AutomaticMotivation,
            Functions = Idea.Functions.Aggregate(InterventionFunctions.None, (a, f) => a | f), Levers = Idea.Levers.Aggregate(PolicyLevers.None, (a, l) => a | l),
            LeverDetails = Idea.LeverDetails, ContributionIds = Idea.ContributionIds,
        }, Actor, ct), "Change idea added", "Idea", ct);

    public Task<IActionResult> OnPostRemoveDriverAsync(Guid driverId, CancellationToken ct) =>
        ActAsync(() => theory.RemoveDriverAsync(Id, driverId, Actor, ct), "Driver removed", "", ct);

    public Task<IActionResult> OnPostRemoveIdeaAsync(Guid ideaId, CancellationToken ct) =>
        ActAsync(() => theory.RemoveChangeIdeaAsync(Id, ideaId, Actor, ct), "Change idea removed", "", ct);

    private async Task<IActionResult> ActAsync(Func<Task> action, string done, string prefix, CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            await action();
            this.Succeeded(done);
            return Redirect($"{SystemHome}/goals/{Id}/theory-of-change");
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(ct);
            return this.InvalidInput(e, prefix);
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Diagram = await theory.GetAsync(Id, ct);
        Contributions = await contributions.ForGoalAsync(Id, ct);
    }
}
