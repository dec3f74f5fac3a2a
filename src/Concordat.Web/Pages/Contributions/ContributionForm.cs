using System.ComponentModel.DataAnnotations;
using Concordat.Core.Contributions;
using Concordat.Core.Goals;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Concordat.Web.Pages.Contributions;

/// <summary>The terms of a contribution as typed; names match <see cref="SaveContribution"/>.</summary>
public sealed class ContributionForm
{
    public Guid? OrganisationId { get; set; }
    public string? Commitment { get; set; }
    public string? Actions { get; set; }
    [Display(Name = "Due date")]
    public DateOnly? DueOn { get; set; }
    public string? AccountablePerson { get; set; }
    public string? Reviewer { get; set; }
    /// <summary>As typed, so that text which is not a number is reported rather than replaced by the default.</summary>
    public string? CheckInCadenceDays { get; set; }
    public string? Decision { get; set; }

    public static ContributionForm From(Contribution c) => new()
    {
        OrganisationId = c.OrganisationId, Commitment = c.Commitment, Actions = c.Actions, DueOn = c.DueOn,
        AccountablePerson = c.AccountablePerson, Reviewer = c.Reviewer,
        CheckInCadenceDays = c.CheckInCadenceDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public SaveContribution ToInput(ModelStateDictionary modelState)
    {
        int? cadence = null;
        if (!string.IsNullOrWhiteSpace(CheckInCadenceDays))
        {
            if (int.TryParse(CheckInCadenceDays.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days))
            {
                cadence = days;
            }
            else
            {
                modelState.AddModelError("Input.CheckInCadenceDays", "Check-in cadence must be a whole number of days, like 31");
                cadence = -1; // out of range, so the service refuses the whole save; the page's message is the one shown
            }
        }
        return new(OrganisationId, Commitment, Actions, DueOn, AccountablePerson, Reviewer,
            cadence, Decision);
    }
}
