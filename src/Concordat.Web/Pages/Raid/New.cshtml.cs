using Concordat.Core.Access;
using Concordat.Core.Goals;
using Concordat.Core.Partnerships;
using Concordat.Core.Raid;
using Concordat.Core.WorkProgramme;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Raid;

/// <summary>Adds a risk, assumption or issue owned by an organisation the person works for, or records a decision of a forum.</summary>
public sealed class NewModel(RaidService raid, OrganisationService organisations, GovernanceForumService forums, GoalService goals, WorkstreamService workstreams,
    WorkItemService items) : SystemPageModel, IRaidFormPage
{
    /// <summary>The kind in the address, in lower case: risk, assumption, issue or decision.</summary>
    [FromRoute(Name = "kind")]
    public string KindName { get; set; } = "";

    [BindProperty]
    public RaidForm Input { get; set; } = new();

    public RaidKind Kind { get; private set; }
    public RaidFormChoices Choices { get; private set; } = null!;
    public string Heading => Kind switch
    {
        RaidKind.Decision => "Record a decision",
        RaidKind.Assumption or RaidKind.Issue => $"Add an {Kind.InWords().ToLowerInvariant()}",
        _ => $"Add a {Kind.InWords().ToLowerInvariant()}",
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input.OwnerOrganisationId = Choices.Owners.Count == 1 ? Choices.Owners[0].Id : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.ClearExceptDates();
        try
        {
            var entry = await raid.CreateAsync(Input.ToInput(Kind), Actor, ct);
            this.Succeeded($"{Kind.InWords()} added to the RAID log");
            return Redirect($"{SystemHome}/raid/{entry.Id}");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e);
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Kind = Enum.GetValues<RaidKind>().Where(k => string.Equals(k.InWords(), KindName, StringComparison.OrdinalIgnoreCase)).Cast<RaidKind?>().SingleOrDefault()
            ?? throw new NotFoundException("The RAID log has risks, assumptions, issues and decisions.");
        Choices = await RaidFormChoices.LoadAsync(Actor, organisations, forums, goals, workstreams, items, ct);
        if (!Actor.IsConvenor && !Actor.Memberships.Any(m => m.Role is Role.OrganisationLead or Role.Contributor))
        {
            throw new ForbiddenException("Only the people of a partner, or a convenor, can add to the RAID log.");
        }
    }
}
