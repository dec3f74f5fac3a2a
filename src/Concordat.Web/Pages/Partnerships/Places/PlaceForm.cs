using Concordat.Core.Partnerships;

namespace Concordat.Web.Pages.Partnerships.Places;

/// <summary>The fields of the add and change forms; names match <see cref="SavePlace"/> so errors land beside them.</summary>
public sealed class PlaceForm
{
    public string? Name { get; set; }
    public string? LocalAuthorityCode { get; set; }
    public string? SubIcbLocationCode { get; set; }

    public SavePlace ToInput() => new(Name, LocalAuthorityCode, SubIcbLocationCode);
}
