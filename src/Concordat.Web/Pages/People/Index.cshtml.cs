using Concordat.Core.People;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.People;

public sealed class PeopleModel(PeopleService people) : SystemPageModel
{
    public IReadOnlyList<PersonInSystem> People { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => People = await people.ListAsync(null, ct);

    public async Task<IActionResult> OnPostReinviteAsync(Guid personId, CancellationToken ct)
    {
        var secret = await people.ReinviteAsync(personId, Actor, ct);
        TempData["InvitationLink"] = InvitationLinks.For(Request, secret);
        return Redirect($"{SystemHome}/people/invited");
    }
}
