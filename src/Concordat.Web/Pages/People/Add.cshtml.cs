using Concordat.Core.Access;
using Concordat.Core.Partnerships;
using Concordat.Core.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.People;

public sealed class AddPersonModel(PeopleService people, OrganisationService organisations) : SystemPageModel
{
    public sealed class PersonForm
    {
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public Guid? OrganisationId { get; set; }
        public Role? Role { get; set; }
    }

    [BindProperty]
    public PersonForm Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> OrganisationOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> RoleOptions { get; private set; } = [];

    public async Task OnGetAsync(Guid? organisationId, CancellationToken ct)
    {
        Input.OrganisationId = organisationId;
        await LoadOptionsAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadOptionsAsync(ct);
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError("Input.Role", "Select a role");
            return this.InvalidInput();
        }
        try
        {
            var added = await people.AddAsync(new AddPerson(Input.Email, Input.DisplayName, Input.OrganisationId, Input.Role), Actor, ct);
            var name = string.IsNullOrWhiteSpace(Input.DisplayName) ? Input.Email?.Trim() : Input.DisplayName.Trim();
            if (added.InvitationSecret is not { } secret)
            {
                this.Succeeded($"{name} added. They already have a Concordat account and sign in with it.");
                return Redirect($"{SystemHome}/people");
            }
            // Post/redirect/get: the link travels once, through encrypted temp data, to the page that shows it.
            TempData["InvitationLink"] = InvitationLinks.For(Request, secret);
            TempData["InvitedName"] = name;
            return Redirect($"{SystemHome}/people/invited");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e);
        }
    }

    // Only what the person may decide is offered: a convenor may add a convenor for any organisation, a lead only
    // people of the organisations they lead (the service checks the same rule either way).
    private async Task LoadOptionsAsync(CancellationToken ct)
    {
        var authority = await people.AuthorityAsync(Actor, ct);
        if (!authority.Any)
        {
            throw new ForbiddenException("Only an organisation's leads and the convenors can add people.");
        }
        var all = (await organisations.ListAsync(ct)).Where(o => o.IsPartner && (authority.Convenors || authority.Organisations.Contains(o.Id)));
        OrganisationOptions = [new SelectListItem("Select an organisation", ""), .. all.Select(o => new SelectListItem(o.Name, o.Id.ToString(), o.Id == Input.OrganisationId))];
        RoleOptions = Enum.GetValues<Role>().Where(r => r != Role.Convenor || authority.Convenors)
            .Select(r => new SelectListItem(r.InWords(), r.ToString(), r == Input.Role)).ToList();
        ConvenorOnly = authority.Convenors && all.Any(o => !authority.Organisations.Contains(o.Id));
    }

    /// <summary>Whether some organisation is offered only to add a convenor for (its own leads add everyone else).</summary>
    public bool ConvenorOnly { get; private set; }
}
