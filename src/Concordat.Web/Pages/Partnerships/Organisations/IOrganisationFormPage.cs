using Concordat.Core.Partnerships;

namespace Concordat.Web.Pages.Partnerships.Organisations;

/// <summary>What the shared organisation fields partial needs from its page.</summary>
public interface IOrganisationFormPage
{
    OrganisationForm Input { get; }
    IReadOnlyList<Place> Places { get; }

    /// <summary>Whether the form offers the choice between a partner and an organisation outside the system (convenors only).</summary>
    bool ChoosesPartnership { get; }
}
