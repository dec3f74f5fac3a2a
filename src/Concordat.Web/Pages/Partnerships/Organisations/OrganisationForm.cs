using Concordat.Core.Partnerships;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Partnerships.Organisations;

/// <summary>The fields of the add and edit forms; names match <see cref="SaveOrganisation"/> so errors land beside them.</summary>
public sealed class OrganisationForm
{
    public string? Name { get; set; }
    public OrganisationType? Type { get; set; }
    public string? OdsCode { get; set; }
    public List<Guid> PlaceIds { get; set; } = [];

    public SaveOrganisation ToInput() => new(Name, Type, OdsCode, PlaceIds);

    public static IEnumerable<SelectListItem> TypeOptions(OrganisationType? selected) =>
        new[] { new SelectListItem("Select a type", "", selected is null) }
            .Concat(Enum.GetValues<OrganisationType>().Select(t => new SelectListItem(t.InWords(), t.ToString(), t == selected)));

    public static IEnumerable<SelectListItem> PlaceOptions(IEnumerable<Place> places, IReadOnlyCollection<Guid> selected) =>
        places.Select(p => new SelectListItem(p.Name, p.Id.ToString(), selected.Contains(p.Id)));
}
