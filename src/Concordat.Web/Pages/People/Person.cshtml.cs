using Concordat.Core.Access;
using Concordat.Core.Partnerships;
using Concordat.Core.People;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.People;

/// <summary>A convenor changes a person's roles in this system, or removes them from it.</summary>
public sealed class PersonModel(PeopleService people) : SystemPageModel
{
    [FromRoute]
    public Guid PersonId { get; set; }

    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public IReadOnlyList<PersonInSystem> Roles { get; private set; } = [];
    public IReadOnlyList<Role> RoleOptions { get; } = Enum.GetValues<Role>();

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
        Actor.RequireConvenor("change people's roles");
        Roles = (await people.ListAsync(null, ct)).Where(p => p.PersonId == PersonId).ToList();
        var first = (Roles.Count > 0 ? Roles[0] : null) ?? throw new NotFoundException("There is no such person in this system.");
        Name = first.DisplayName;
        Email = first.Email;
    }
}
