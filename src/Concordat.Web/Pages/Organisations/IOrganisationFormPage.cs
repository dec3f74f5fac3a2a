using Concordat.Core.Partnerships;

namespace Concordat.Web.Pages.Organisations;

/// <summary>What the shared organisation fields partial needs from its page.</summary>
public interface IOrganisationFormPage
{
    OrganisationForm Input { get; }
    IReadOnlyList<Place> Places { get; }
}
