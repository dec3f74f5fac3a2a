using Concordat.Core.Contributions;
using Concordat.Core.Goals;
using Concordat.Core.TheoryOfChange;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.TheoryOfChange;

/// <summary>
/// The change idea form's fields, shared by adding an idea and changing one; names match <see cref="SaveChangeIdea"/>
/// so that the service's errors land beside them.
/// </summary>
public sealed class ChangeIdeaForm
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

    public static ChangeIdeaForm From(ChangeIdeaNode node)
    {
        var idea = node.Idea;
        return new()
        {
            Title = idea.Title, SecondaryDriverIds = [.. node.SecondaryDriverIds], WhoseBehaviour = idea.WhoseBehaviour, WhatDifferently = idea.WhatDifferently,
            PhysicalCapability = idea.PhysicalCapability, PsychologicalCapability = idea.PsychologicalCapability, PhysicalOpportunity = idea.PhysicalOpportunity,
            SocialOpportunity = idea.SocialOpportunity, ReflectiveMotivation = idea.ReflectiveMotivation, AutomaticMotivation = idea.AutomaticMotivation,
            Functions = [.. ChangeIdeaNames.Functions.Select(f => f.Value).Where(f => idea.Functions.HasFlag(f))],
            Levers = [.. ChangeIdeaNames.Levers.Select(l => l.Value).Where(l => idea.Levers.HasFlag(l))],
            LeverDetails = idea.LeverDetails, ContributionIds = [.. node.LinkedContributionIds],
        };
    }

    public SaveChangeIdea ToInput() => new(Title, SecondaryDriverIds, WhoseBehaviour, WhatDifferently)
    {
        PhysicalCapability = PhysicalCapability, PsychologicalCapability = PsychologicalCapability, PhysicalOpportunity = PhysicalOpportunity,
        SocialOpportunity = SocialOpportunity, ReflectiveMotivation = ReflectiveMotivation, AutomaticMotivation = AutomaticMotivation,
        Functions = Functions.Aggregate(InterventionFunctions.None, (a, f) => a | f), Levers = Levers.Aggregate(PolicyLevers.None, (a, l) => a | l),
        LeverDetails = LeverDetails, ContributionIds = ContributionIds,
    };

    public IEnumerable<SelectListItem> SecondaryOptions(DriverDiagram diagram) =>
        diagram.Secondary.Where(d => diagram.IsOwn(d.Driver.GoalId)).Select(d => new SelectListItem(d.Driver.Title, d.Driver.Id.ToString(), SecondaryDriverIds.Contains(d.Driver.Id)));

    /// <summary>Active contributions, and any withdrawn one the idea already names, so that changing the idea does not drop it unseen.</summary>
    public IEnumerable<SelectListItem> ContributionOptions(IEnumerable<ContributionRow> contributions) => contributions
        .Where(c => c.Status != ContributionStatus.Withdrawn || ContributionIds.Contains(c.Id))
        .Select(c => new SelectListItem($"{c.Organisation}: {c.Commitment}", c.Id.ToString(), ContributionIds.Contains(c.Id)));

    public IEnumerable<SelectListItem> FunctionOptions => ChangeIdeaNames.Functions.Select(f => new SelectListItem(f.Text, f.Value.ToString(), Functions.Contains(f.Value)));

    public IEnumerable<SelectListItem> LeverOptions => ChangeIdeaNames.Levers.Select(l => new SelectListItem(l.Text, l.Value.ToString(), Levers.Contains(l.Value)));
}

/// <summary>A page that shows the change idea fields (the partial _ChangeIdeaFields), bound as <c>Idea</c>.</summary>
public interface IChangeIdeaFormPage
{
    ChangeIdeaForm Idea { get; }
    DriverDiagram Diagram { get; }
    IReadOnlyList<ContributionRow> Contributions { get; }
}
