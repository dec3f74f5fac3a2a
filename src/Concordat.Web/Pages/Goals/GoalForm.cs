using System.Globalization;
using Concordat.Core.Goals;
using Concordat.Core.Partnerships;
using Microsoft.AspNetCore.Mvc.ModelBinding;
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

    /// <summary>As typed (yyyy-mm-dd from a date field), so a date that cannot be read is reported, not lost.</summary>
    public string? Horizon { get; set; }
    public Guid? LeadOrganisationId { get; set; }
    public string? SeniorResponsibleOwner { get; set; }

    public static GoalForm From(GoalDetail goal) => new()
    {
        Title = goal.Title, OutcomeStatement = goal.OutcomeStatement, Population = goal.Population, WholeSystem = goal.WholeSystem,
        PlaceIds = [.. goal.Places.Select(p => p.Id)], InequalityLens = goal.InequalityLens, Horizon = DateText(goal.Horizon),
        LeadOrganisationId = goal.LeadOrganisationId, SeniorResponsibleOwner = goal.SeniorResponsibleOwner,
    };

    public static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads a yyyy-mm-dd date; adds an error naming the field when it is not a real date.</summary>
    public static DateOnly? ParseDate(string? text, string field, string label, ModelStateDictionary modelState)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        modelState.AddModelError(field, $"{label} must be a real date, like 2027-03-31");
        return null;
    }

    public SaveGoal ToInput(ModelStateDictionary modelState) =>
        new(Title, OutcomeStatement, Population, WholeSystem, PlaceIds, InequalityLens,
            ParseDate(Horizon, "Input.Horizon", "Horizon", modelState), LeadOrganisationId, SeniorResponsibleOwner);

    public static IEnumerable<SelectListItem> WholeSystemOption(bool selected) => [new SelectListItem("The whole system", "true", selected)];

    public static IEnumerable<SelectListItem> OrganisationOptions(IEnumerable<OrganisationSummary> organisations, Guid? selected) =>
        new[] { new SelectListItem("Select an organisation", "", selected is null) }
            .Concat(organisations.Where(o => o.Type != OrganisationType.NationalBody).Select(o => new SelectListItem(o.Name, o.Id.ToString(), o.Id == selected)));
}
