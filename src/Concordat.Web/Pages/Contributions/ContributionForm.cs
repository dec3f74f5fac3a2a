using Concordat.Core.Goals;
using Concordat.Web.Pages.Goals;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Concordat.Web.Pages.Contributions;

/// <summary>The terms of a contribution as typed; names match <see cref="SaveContribution"/>.</summary>
public sealed class ContributionForm
{
    public Guid? OrganisationId { get; set; }
    public string? Commitment { get; set; }
    public string? Actions { get; set; }
    public string? DueOn { get; set; }
    public string? AccountablePerson { get; set; }
    public string? Reviewer { get; set; }
    public int? CheckInCadenceDays { get; set; }
    public string? Decision { get; set; }

    public static ContributionForm From(Contribution c) => new()
    {
        OrganisationId = c.OrganisationId, Commitment = c.Commitment, Actions = c.Actions, DueOn = GoalForm.DateText(c.DueOn),
        AccountablePerson = c.AccountablePerson, Reviewer = c.Reviewer, CheckInCadenceDays = c.CheckInCadenceDays,
    };

    public SaveContribution ToInput(ModelStateDictionary modelState) =>
        new(OrganisationId, Commitment, Actions, GoalForm.ParseDate(DueOn, "Input.DueOn", "Due date", modelState), AccountablePerson, Reviewer,
            CheckInCadenceDays, Decision);
}
