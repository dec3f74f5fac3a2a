using System.Globalization;
using Concordat.Core.Partnerships;
using Concordat.Core.Resources;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Resources;

/// <summary>The resource form's fields; names match <see cref="SaveResource"/> so that service errors land beside them.</summary>
public sealed class ResourceForm
{
    public Guid? OrganisationId { get; set; }
    public ResourceKind? Kind { get; set; }

    /// <summary>The form asks for the type only; the kind follows from it.</summary>
    public ResourceType? Type { get; set; }
    public string? Name { get; set; }

    /// <summary>Numbers as typed, so a number that cannot be read is reported, not lost.</summary>
    public string? Quantity { get; set; }
    public string? Unit { get; set; }
    public string? AvailableCapacity { get; set; }
    public Guid? PlaceId { get; set; }
    public string? Contact { get; set; }
    public string? Notes { get; set; }
    public string? Address { get; set; }
    public string? Postcode { get; set; }
    public string? OpeningHours { get; set; }
    public string? DataOwner { get; set; }
    public bool? HasDataSharingAgreement { get; set; }
    public string? FundingSource { get; set; }
    public string? FinancialYear { get; set; }
    public bool? IsRecurrent { get; set; }

    public static ResourceForm From(Resource r) => new()
    {
        OrganisationId = r.OrganisationId, Kind = r.Kind, Type = r.Type, Name = r.Name, Quantity = Number(r.Quantity), Unit = r.Unit, AvailableCapacity = Number(r.AvailableCapacity),
        PlaceId = r.PlaceId, Contact = r.Contact, Notes = r.Notes, Address = r.Address, Postcode = r.Postcode, OpeningHours = r.OpeningHours, DataOwner = r.DataOwner,
        HasDataSharingAgreement = r.HasDataSharingAgreement, FundingSource = r.FundingSource, FinancialYear = r.FinancialYear, IsRecurrent = r.IsRecurrent,
    };

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A number that cannot be read adds its error here and goes on as an impossible value, so nothing is saved.</summary>
    public static double? ParseNumber(string? text, string field, string label, ModelStateDictionary modelState)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (double.TryParse(text.Trim().Replace(",", "", StringComparison.Ordinal).TrimStart('£'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        modelState.AddModelError(field, $"{label} must be a number, like 12.5");
        return double.NaN;
    }

    public SaveResource ToInput(ModelStateDictionary modelState) =>
        new(OrganisationId, Kind, Name, ParseNumber(Quantity, "Input.Quantity", "Quantity", modelState), Unit,
            ParseNumber(AvailableCapacity, "Input.AvailableCapacity", "Available capacity", modelState), PlaceId, Contact)
        {
            Notes = Notes, Address = Address, Postcode = Postcode, OpeningHours = OpeningHours, DataOwner = DataOwner, HasDataSharingAgreement = HasDataSharingAgreement,
            FundingSource = FundingSource, FinancialYear = FinancialYear, IsRecurrent = IsRecurrent, Type = Type,
        };

    public const string AcrossTheSystem = "Across the system";

    public static IEnumerable<SelectListItem> KindOptions(ResourceKind? selected) =>
        Enum.GetValues<ResourceKind>().Select(k => new SelectListItem(k.InWords(), k.ToString(), k == selected));

    /// <summary>Every type, grouped by its kind, so one question settles both.</summary>
    public static IEnumerable<SelectListItem> TypeOptions(ResourceType? selected, string prompt = "Select a type")
    {
        yield return new SelectListItem(prompt, "", selected is null);
        foreach (var kind in Enum.GetValues<ResourceKind>())
        {
            var group = new SelectListGroup { Name = kind.InWords() };
            foreach (var type in ResourceTypes.Of(kind))
            {
                var words = type.InWords();
                yield return new SelectListItem(char.ToUpperInvariant(words[0]) + words[1..], type.ToString(), type == selected) { Group = group };
            }
        }
    }

    public static IEnumerable<SelectListItem> YesNo(bool? selected) =>
        [new SelectListItem("Yes", "true", selected == true), new SelectListItem("No", "false", selected == false)];

    public static IEnumerable<SelectListItem> OrganisationOptions(IEnumerable<OrganisationSummary> organisations, Guid? selected, string none = "Select an organisation") =>
        [new SelectListItem(none, "", selected is null), .. organisations.Select(o => new SelectListItem(o.Name, o.Id.ToString(), o.Id == selected))];

    public static IEnumerable<SelectListItem> PlaceOptions(IEnumerable<Place> places, Guid? selected, string none) =>
        [new SelectListItem(none, "", selected is null), .. places.Select(p => new SelectListItem(p.Name, p.Id.ToString(), p.Id == selected))];
}

public interface IResourceFormPage
{
    ResourceForm Input { get; }
    IReadOnlyList<Place> Places { get; }
    IReadOnlyList<OrganisationSummary> Organisations { get; }
}
