using Concordat.Core.Access;
using Concordat.Core.Partnerships;
using Concordat.Core.People;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.People;

/// <summary>
/// An organisation's lead (or a convenor, for the convenor role) changes a person's roles in this system, or removes them
/// from it; each role is offered for change only to those who decide it.
/// </summary>
public sealed class PersonModel(PeopleService people) : SystemPageModel
{
    [FromRoute]
    public Guid PersonId { get; set; }

    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public IReadOnlyList<PersonInSystem> Roles { get; private set; } = [];
    public PeopleAuthority Authority { get; private set; } = new(false, new HashSet<Guid>());

    public bool Decides(PersonInSystem role) => Authority.Over(role.OrganisationId, role.Role, role.Role);

    /// <summary>Removing takes every role, so it needs the say of every organisation the person acts for.</summary>
    public bool CanRemove => Roles.All(r => Authority.Over(r.OrganisationId, r.Role, null));

    public IEnumerable<Role> RoleOptions(PersonInSystem current) =>
        Enum.GetValues<Role>().Where(r => r == current.Role || Authority.Over(current.OrganisationId, current.Role, r));

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRoleAsync(Guid membershipId, Role? role, CancellationToken ct)
    {
        try
        {
            await people.ChangeRoleAsync(membershipId, role, Actor, ct);
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(ct);
            return this.InvalidInput(e, prefix: "");
        }
        this.Succeeded($"Role changed. {Name} has been signed out everywhere and signs in again to use it.");
        return Redirect($"{SystemHome}/people/{PersonId}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        try
        {
            await people.RemoveAsync(PersonId, Actor, ct);
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(ct);
            return this.InvalidInput(e, prefix: "");
        }
        this.Succeeded("Removed from this system.");
        return Redirect($"{SystemHome}/people");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Roles = await people.ListAsync(null, ct, personId: PersonId);
        var first = (Roles.Count > 0 ? Roles[0] : null) ?? throw new NotFoundException("There is no such person in this system.");
        Authority = await people.AuthorityAsync(Actor, ct);
        if (!Roles.Any(Decides))
        {
            throw new ForbiddenException($"Only the leads of an organisation {first.DisplayName} acts for can change their roles.");
        }
        Name = first.DisplayName;
        Email = first.Email;
    }
}
