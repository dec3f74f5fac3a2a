using Concordat.Core.People;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.People;

public sealed class PeopleModel(PeopleService people) : SystemPageModel
{
    public IReadOnlyList<PersonInSystem> People { get; private set; } = [];
    public PeopleAuthority Authority { get; private set; } = new(false, new HashSet<Guid>());

    public async Task OnGetAsync(CancellationToken ct)
    {
        People = await people.ListAsync(null, ct);
        Authority = await people.AuthorityAsync(Actor, ct);
    }

    /// <summary>Whether the actor decides this one role, so may open the person's page or invite them again.</summary>
    public bool Decides(PersonInSystem role) => Authority.Over(role.OrganisationId, role.Role, role.Role);

    public async Task<IActionResult> OnPostReinviteAsync(Guid personId, CancellationToken ct)
    {
        var secret = await people.ReinviteAsync(personId, Actor, ct);
        TempData["InvitationLink"] = InvitationLinks.For(Request, secret);
        return Redirect($"{SystemHome}/people/invited");
    }
}
