using Concordat.Core.Partnerships;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Partnerships.Forums;

/// <summary>The fields of the add and change forms; names match <see cref="SaveForum"/> so errors land beside them.</summary>
public sealed class ForumForm
{
    public string? Name { get; set; }
    public ForumKind? Kind { get; set; }
    public Guid? PlaceId { get; set; }
    public List<Guid> MemberOrganisationIds { get; set; } = [];
    public string? TermsOfReference { get; set; }
    public string? TermsOfReferenceUrl { get; set; }

    public SaveForum ToInput() => new(Name, Kind, PlaceId, MemberOrganisationIds, TermsOfReference, TermsOfReferenceUrl);

    public static ForumForm Of(GovernanceForum f) => new()
    {
        Name = f.Name, Kind = f.Kind, PlaceId = f.PlaceId, MemberOrganisationIds = [.. f.Members.Select(m => m.OrganisationId)],
        TermsOfReference = f.TermsOfReference, TermsOfReferenceUrl = f.TermsOfReferenceUrl,
    };

    public IEnumerable<SelectListItem> KindOptions() =>
        new[] { new SelectListItem("Select a kind", "", Kind is null) }
            .Concat(Enum.GetValues<ForumKind>().Select(k => new SelectListItem(k.InWords(), k.ToString(), k == Kind)));

    public IEnumerable<SelectListItem> PlaceOptions(IEnumerable<Place> places) =>
        new[] { new SelectListItem("The whole system", "", PlaceId is null) }
            .Concat(places.Select(p => new SelectListItem(p.Name, p.Id.ToString(), p.Id == PlaceId)));

    public IEnumerable<SelectListItem> MemberOptions(IEnumerable<OrganisationSummary> organisations) =>
        organisations.Select(o => new SelectListItem(o.Name, o.Id.ToString(), MemberOrganisationIds.Contains(o.Id)));
}

/// <summary>What the shared forum fields partial needs from its page.</summary>
public interface IForumFormPage
{
    ForumForm Input { get; }
    IReadOnlyList<Place> Places { get; }
    IReadOnlyList<OrganisationSummary> Organisations { get; }
}
