using Concordat.Core.Partnerships;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Partnerships.Organisations;

/// <summary>The fields of the add and edit forms; names match <see cref="SaveOrganisation"/> so errors land beside them.</summary>
public sealed class OrganisationForm
{
    public string? Name { get; set; }
    public OrganisationType? Type { get; set; }
    public string? OdsCode { get; set; }
    public string? OnsCode { get; set; }
    public string? CharityNumber { get; set; }
    public string? CompanyNumber { get; set; }
    public List<Guid> PlaceIds { get; set; } = [];

    /// <summary>Only convenors are offered the choice; everyone else's form keeps what is stored.</summary>
    public bool IsPartner { get; set; } = true;

    public SaveOrganisation ToInput() => new(Name, Type, OdsCode, PlaceIds, OnsCode, CharityNumber, CompanyNumber, IsPartner);

    public static OrganisationForm For(OrganisationDetail organisation) => new()
    {
        Name = organisation.Name, Type = organisation.Type, OdsCode = organisation.Codes.OdsCode, OnsCode = organisation.Codes.OnsCode,
        CharityNumber = organisation.Codes.CharityNumber, CompanyNumber = organisation.Codes.CompanyNumber, IsPartner = organisation.IsPartner,
        PlaceIds = [.. organisation.PlaceIds],
    };

    public IEnumerable<SelectListItem> PartnerOptions =>
    [
        new("A partner of the system", "true", IsPartner),
        new("Outside the system: named only, such as an academic partner, a national charity or a Health Innovation Network", "false", !IsPartner),
    ];

    public static IEnumerable<SelectListItem> TypeOptions(OrganisationType? selected) =>
        new[] { new SelectListItem("Select a type", "", selected is null) }
            .Concat(Enum.GetValues<OrganisationType>().Select(t => new SelectListItem(t.InWords(), t.ToString(), t == selected)));

    public static IEnumerable<SelectListItem> PlaceOptions(IEnumerable<Place> places, IReadOnlyCollection<Guid> selected) =>
        places.Select(p => new SelectListItem(p.Name, p.Id.ToString(), selected.Contains(p.Id)));
}
